// Crash consistency of the coordinator's whole day: a child process runs a random mix of real use
// cases through service/ (intake, cases and links, persons, the Meldcode, help requests, consents,
// share exports, legal holds, rectification, key-slot changes, backups, checkpoints) and is killed
// (SIGKILL) at random moments, many times. After every kill the vault opens (with the old or the
// new passphrase, never neither), no hot journal is left, the audit log verifies against the
// checkpoint kept after the previous kill (it only grew), and every unit of work is all or nothing:
// each record has its creating audit entry and each entry its record; no package or backup lies
// at its name without its register entry, and every entry's package or backup verifies; the key
// slots are exactly those the audit log says. What the contracts allow a kill to leave (a hidden
// staged file, a staged key-slot file the next open settles) is counted, and may come only from
// the operation in flight.
#include "service/crash_harness.hpp"

#include <catch2/catch.hpp>
#include <charconv>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "crypto/hash.hpp"
#include "exchange/age_keys.hpp"
#include "exchange/minisign.hpp"
#include "exchange/package.hpp"
#include "service/audit.hpp"
#include "service/backup.hpp"
#include "service/casework.hpp"
#include "service/help_requests.hpp"
#include "service/keyslots.hpp"
#include "service/meldcode.hpp"
#include "service/retention.hpp"
#include "service/service_fixture.hpp"
#include "service/sharing.hpp"
#include "support/folder_snapshot.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;
namespace fs = std::filesystem;
namespace syn = mk::vault::test::synthetic;

namespace {

const Date kToday(2026, 11, 29);
constexpr char kSlot[] = "coordinator";
// The rectified person's address is "Generaal Spoorlaan <number of edits>, 2285 TM Rijswijk".
constexpr std::string_view kStreet = "Generaal Spoorlaan ";

// The operations the child draws from, one letter each, which it reports before starting one
// (an 'L' follows a 'c': the case just opened is linked in a second unit of work).
constexpr std::string_view kOps = "ipcmhnelukabq";
constexpr std::string_view kReported = "ipcLmhnelukabq";

std::string op_name(char op) {
  static const std::map<char, std::string> kNames = {
      {'i', "intake"},        {'p', "person.add"},     {'c', "case.open"},
      {'L', "case.link"},     {'m', "meldcode"},       {'h', "help"},
      {'n', "consent"},       {'e', "share.export"},   {'l', "hold/release"},
      {'u', "person.update"}, {'k', "keyslot.passwd"}, {'a', "keyslot.add/remove"},
      {'b', "backup"},        {'q', "checkpoint"}};
  auto found = kNames.find(op);
  return found == kNames.end() ? "before-first-op" : found->second;
}

// Generation 0 is the passphrase the vault was made with; each change moves one on.
std::string passphrase_of(int generation) {
  if (generation == 0) return std::string(vault::test::kCoordinatorPassphrase);
  return "Meldpunt Rijswijk sleutel " + std::to_string(generation) + " (nieuw)";
}

// Every round runs half an hour after the previous one, so audit times only grow.
Instant round_start(int round) {
  return instant_of(kToday, 12) + std::chrono::minutes(30) * round;
}

struct CrashWorld {
  fs::path dir, exports, backups;
  std::string victim, rectified, world_case, hold_case;
  exchange::MinisignPublicKey signer;
  std::vector<exchange::AgeIdentity> shop_identity;
};

std::string must_id(Result<std::string> r) {
  MK_REQUIRE_OK(r);
  return *r;
}

vault::PersonIdentity rectified_identity(long number) {
  vault::PersonIdentity id = syn::identity_of(syn::kMehmet);
  id.set(vault::PersonField::kAddress,
         std::string(kStreet) + std::to_string(number) + ", 2285 TM Rijswijk");
  return id;
}

CrashWorld build_world(TestSession& ts) {
  Session& s = ts.s();
  CrashWorld w;
  w.dir = ts.dir();
  w.exports = ts.temp() / "pakketten";
  w.backups = ts.temp() / "backups";
  fs::create_directory(w.exports);
  fs::create_directory(w.backups);
  struct P {
    const char *id, *kind, *purpose, *name;
  };
  for (const P& p : {P{"shop", "care_coordination", "care_referral", "Stichting SHOP Den Haag"},
                     P{"comensha", "registration", "registration", "CoMensha"}}) {
    fs::path key = ts.temp() / (std::string(p.id) + "-sleutel.txt");
    Result<std::string> recipient = partner_keygen(key, ts.clock());
    MK_REQUIRE_OK(recipient);
    vault::Partner partner;
    partner.id = p.id;
    partner.kind = p.kind;
    partner.name = p.name;
    partner.age_recipient = *recipient;
    partner.purposes = {p.purpose};
    MK_REQUIRE_OK(add_partner(s, partner));
  }
  Result<std::vector<exchange::AgeIdentity>> ids =
      exchange::parse_age_identity_file(testing::read_file_bytes(ts.temp() / "shop-sleutel.txt"));
  MK_REQUIRE_OK(ids);
  w.shop_identity = std::move(*ids);
  fs::path pub = ts.temp() / "gemeente.pub";
  MK_REQUIRE_OK(export_signing_key(s, pub));
  Result<exchange::MinisignPublicKey> signer =
      exchange::parse_minisign_public_key(testing::read_file_bytes(pub));
  MK_REQUIRE_OK(signer);
  w.signer = *signer;

  w.victim = must_id(add_person(s, vault::PersonRole::kVictim, syn::identity_of(syn::kIoana)));
  vault::SignalInput in = syn::labour_signal();
  in.received = Date(2026, 10, 28);
  in.person_ids = {w.victim};
  std::string signal = must_id(register_signal(s, in));
  vault::CaseInput c;
  c.opened = Date(2026, 11, 2);
  c.summary = "Arbeidsuitbuiting in de kassen, huisvesting via de werkgever";
  c.signal_ids = {signal};
  c.person_ids = {w.victim};
  w.world_case = must_id(open_case(s, c));

  std::string anouk =
      must_id(add_person(s, vault::PersonRole::kVictim, syn::identity_of(syn::kAnouk)));
  vault::CaseInput h;
  h.opened = Date(2026, 11, 10);
  h.person_ids = {anouk};
  w.hold_case = must_id(open_case(s, h));

  w.rectified = must_id(add_person(s, vault::PersonRole::kReporter, rectified_identity(0)));
  vault::PersonPatch patch;
  patch.fields = {
      {vault::PersonField::kAddress, rectified_identity(1).get(vault::PersonField::kAddress)}};
  MK_REQUIRE_OK(update_person(s, w.rectified, patch));  // one edit: number 1
  return w;
}

// --- the child
// ------------------------------------------------------------------------------------

[[noreturn]] void die(char op, const Status& s) {
  std::fprintf(stderr, "crash child: operation %s failed: %s\n", op_name(op).c_str(),
               s.to_string().c_str());
  ::_exit(20);
}

template <typename T>
const std::string& pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[rng() % v.size()];
}

const syn::DutchPerson* random_adult(std::mt19937& rng) {
  static const syn::DutchPerson* kAdults[] = {&syn::kAnouk, &syn::kMehmet, &syn::kIoana,
                                              &syn::kPiotr, &syn::kDaan};
  return kAdults[rng() % 5];
}

long street_number(const vault::Person& p) {
  const std::optional<std::string>& address = p.identity.get(vault::PersonField::kAddress);
  if (!address || address->rfind(kStreet, 0) != 0) return -1;
  long n = -1;
  const char* begin = address->data() + kStreet.size();
  std::from_chars(begin, address->data() + address->size(), n);
  return n;
}

// Opens the vault and runs random operations until killed.
[[noreturn]] void work_until_killed(const CrashWorld& w, int generation, int round,
                                    const ChildReport& report) {
  FixedClock clock(round_start(round));
  Result<Session> opened = Session::open(w.dir, secret(passphrase_of(generation)),
                                         std::string(kSlot), clock, "test@crash");
  if (!opened) die('-', opened.status());
  Session& s = *opened;
  std::vector<std::string> signals, persons, cases;
  {
    Result<std::vector<vault::SignalSummary>> sl = list_signals(s, {});
    Result<std::vector<vault::PersonSummary>> pl = list_persons(s);
    Result<std::vector<vault::CaseSummary>> cl = list_cases(s);
    if (!sl || !pl || !cl) die('-', internal_error("cannot list records"));
    for (const auto& x : *sl)
      signals.push_back(x.id);
    for (const auto& x : *pl)
      persons.push_back(x.id);
    for (const auto& x : *cl)
      cases.push_back(x.id);
  }
  report.say(kReady);
  std::mt19937 rng(report.seed());
  for (int n = 0;; ++n) {
    clock.advance(std::chrono::seconds(1));
    const char op = kOps[rng() % kOps.size()];
    report.say(op);
    const std::string tag = "r" + std::to_string(round) + "-" + std::to_string(n);
    Status st = Status::ok();
    switch (op) {
      case 'i': {
        vault::SignalInput in = syn::labour_signal();
        in.received = Date(2026, 11, 1 + static_cast<int>(rng() % 25));
        std::vector<NewPerson> news = {
            {vault::PersonRole::kVictim, syn::identity_of(*random_adult(rng))}};
        if (rng() % 2) news.push_back({vault::PersonRole::kSuspect, syn::identity_of(syn::kPiotr)});
        Result<Intake> intake = register_intake(s, in, news);
        st = intake.status();
        if (intake) {
          signals.push_back(intake->signal_id);
          persons.insert(persons.end(), intake->person_ids.begin(), intake->person_ids.end());
        }
        break;
      }
      case 'p': {
        Result<std::string> id =
            add_person(s, vault::PersonRole::kOther, syn::identity_of(*random_adult(rng)));
        st = id.status();
        if (id) persons.push_back(*id);
        break;
      }
      case 'c': {
        vault::CaseInput in;
        in.opened = Date(2026, 11, 20 + static_cast<int>(rng() % 8));
        in.summary = "Casus na melding wijkteam, " + tag;
        in.signal_ids = {pick(rng, signals)};
        in.person_ids = {pick(rng, persons)};
        Result<std::string> id = open_case(s, in);
        if (!id) die(op, id.status());
        cases.push_back(*id);
        report.say('L');
        st = link_case(s, *id, {pick(rng, signals)}, {pick(rng, persons)});
        break;
      }
      case 'm': {
        DecisionRequest r{std::nullopt, std::string("suspicion"), rng() % 2 ? "yes" : "unknown",
                          std::string("Afweging na overleg met het wijkteam")};
        st = decide(s, pick(rng, cases), r).status();
        break;
      }
      case 'h': {
        NewHelpRequest r;
        r.case_id = pick(rng, cases);
        r.kind = vault::HelpKind::kHousing;
        r.team = "Wijkteam Oost";
        st = add_help_request(s, r).status();
        break;
      }
      case 'n':
        st = record_consent(s, w.victim, "comensha", "registration", policies::ConsentSigner::kSelf,
                            Date(2026, 11, 20))
                 .status();
        break;
      case 'e': {
        ShareTarget t;
        t.case_id = w.world_case;
        st = export_share(s, "shop", "care_referral", t, w.exports / ("pakket-" + tag + ".age"))
                 .status();
        break;
      }
      case 'l':
        st = hold_case(s, w.hold_case, "Lopend onderzoek OM, " + tag);
        if (st.code() == Code::kConflict) st = release_case(s, w.hold_case);
        break;
      case 'u': {
        Result<vault::Person> p = show_person(s, w.rectified);
        if (!p) die(op, p.status());
        vault::PersonPatch patch;
        patch.fields = {
            {vault::PersonField::kAddress,
             rectified_identity(street_number(*p) + 1).get(vault::PersonField::kAddress)}};
        st = update_person(s, w.rectified, patch);
        break;
      }
      case 'k':
        st = change_passphrase(s, kSlot, secret(passphrase_of(generation + 1)), 1);
        if (st.is_ok()) ++generation;
        break;
      case 'a': {
        std::optional<std::string> extra;
        for (const vault::SlotInfo& slot : list_key_slots(s)) {
          if (slot.name.rfind("fg-", 0) == 0) extra = slot.name;
        }
        st = extra ? remove_key_slot(s, *extra)
                   : add_key_slot(s, "fg-" + tag, vault::Role::kCompliance,
                                  secret(vault::test::kCompliancePassphrase), 1);
        break;
      }
      case 'b':
        st = create_backup(s, w.backups / ("kluis-" + tag + ".mkbackup")).status();
        break;
      case 'q':
        st = audit_checkpoint(s).status();
        break;
    }
    if (!st.is_ok()) die(op, st);
  }
}

// --- the checks
// -----------------------------------------------------------------------------------

// The first `columns` columns of every row of `sql`, as text ("<null>" for NULL).
std::vector<std::vector<std::string>> rows(Session& s, const std::string& sql, int columns = 2) {
  Result<std::vector<std::vector<std::string>>> out = s.transact(
      "test", [&](vault::UnitOfWork& uow) -> Result<std::vector<std::vector<std::string>>> {
        MK_ASSIGN_OR_RETURN(vault::Statement st, uow.db().prepare(sql));
        std::vector<std::vector<std::string>> r;
        while (true) {
          MK_ASSIGN_OR_RETURN(bool row, st.step());
          if (!row) break;
          std::vector<std::string> cols;
          for (int c = 0; c < columns; ++c)
            cols.push_back(st.is_null(c) ? "<null>" : st.column_text(c));
          r.push_back(std::move(cols));
        }
        return r;
      });
  MK_REQUIRE_OK(out);
  return *out;
}

std::multiset<std::string> column(Session& s, const std::string& sql) {
  std::multiset<std::string> out;
  for (auto& r : rows(s, sql, 1))
    out.insert(r.at(0));
  return out;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, sep)) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

// The value of `key=` in a detail ("signals=S-1,S-2 persons=P-1" or "decision=M-1;item=...").
std::string detail_value(const std::string& detail, const std::string& key) {
  std::size_t at = detail.find(key + "=");
  if (at == std::string::npos) return {};
  at += key.size() + 1;
  std::size_t end = detail.find_first_of(" ;", at);
  return detail.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

struct Tally {
  int kills = 0;
  int inconsistencies = 0;
  int mid_transaction = 0;    // kills that left a hot journal
  int unaudited_keyslot = 0;  // key-slot changes without their entry (each an inconsistency)
  int staged_keyslots = 0;    // kills that left keyslots.next for the next open to settle
  std::map<char, int> per_op;
  std::set<std::pair<char, std::uint64_t>> points;  // (operation in flight, audit size reached)
  std::set<std::string> verified_packages, verified_backups;
  std::size_t hidden_packages = 0;  // hidden package files no entry names (kill before commit)
  std::set<std::string> unnamed;    // entries whose file kept its hidden name (kill after commit)
  std::size_t working_folders = 0;  // hidden backup working folders left by kills
  int inert_journals = 0;           // journals left after open with nothing to roll back
};

// A CHECK that also counts the inconsistency in `tally` (which must be in scope).
#define CHECK_CONSISTENT(cond)            \
  do {                                    \
    if (!static_cast<bool>(cond)) {       \
      ++tally.inconsistencies;            \
      FAIL_CHECK("inconsistent: " #cond); \
    }                                     \
  } while (0)

// Audit objects of `action` with result "ok".
std::multiset<std::string> objects_of(const std::vector<vault::AuditEntry>& log,
                                      const std::string& action) {
  std::multiset<std::string> out;
  for (const vault::AuditEntry& e : log) {
    if (e.action == action && e.result == "ok") out.insert(e.object);
  }
  return out;
}

void check_records(Session& s, const std::vector<vault::AuditEntry>& log, Tally& tally) {
  auto as_set = [](const std::multiset<std::string>& m) {
    return std::set<std::string>(m.begin(), m.end());
  };
  // Creating entries and their rows, kind by kind (each entry once).
  const std::pair<const char*, const char*> kinds[] = {
      {"person.add", "SELECT id FROM persons"},
      {"signal.add", "SELECT id FROM signals"},
      {"case.open", "SELECT id FROM cases"},
      {"help.add", "SELECT id FROM help_requests"},
      {"disclosure.record", "SELECT id FROM disclosures"},
      {"backup.create", "SELECT id FROM backups"},
  };
  for (const auto& [action, sql] : kinds) {
    INFO(action);
    std::multiset<std::string> entries = objects_of(log, action);
    CHECK_CONSISTENT(entries == column(s, sql));
    CHECK_CONSISTENT(as_set(entries).size() == entries.size());
  }
  // Meldcode decisions: the entry names the decision in its detail.
  std::multiset<std::string> decisions;
  for (const vault::AuditEntry& e : log) {
    if (e.action == "case.decide" && e.result == "ok")
      decisions.insert(detail_value(e.detail, "decision"));
  }
  CHECK_CONSISTENT(decisions == column(s, "SELECT id FROM meldcode_decisions"));
  // Consents: one entry per row, by person.
  CHECK_CONSISTENT(objects_of(log, "consent.record") ==
                   column(s, "SELECT person_id FROM consents"));
  // Legal holds: one hold entry per row, one release entry per released row.
  CHECK_CONSISTENT(objects_of(log, "case.hold") == column(s, "SELECT case_id FROM legal_holds"));
  CHECK_CONSISTENT(objects_of(log, "case.release") ==
                   column(s, "SELECT case_id FROM legal_holds WHERE released IS NOT NULL"));
  // Case links: what case.open and case.link say were linked is exactly what is linked.
  std::set<std::string> said_signals, said_persons;
  for (const vault::AuditEntry& e : log) {
    if ((e.action != "case.open" && e.action != "case.link") || e.result != "ok") continue;
    for (const std::string& id : split(detail_value(e.detail, "signals"), ','))
      said_signals.insert(e.object + " " + id);
    for (const std::string& id : split(detail_value(e.detail, "persons"), ','))
      said_persons.insert(e.object + " " + id);
  }
  CHECK_CONSISTENT(said_signals ==
                   as_set(column(s, "SELECT case_id || ' ' || signal_id FROM case_signals")));
  CHECK_CONSISTENT(said_persons ==
                   as_set(column(s, "SELECT case_id || ' ' || person_id FROM case_persons")));
}

void check_rectification(Session& s, const CrashWorld& w, const std::vector<vault::AuditEntry>& log,
                         Tally& tally) {
  Result<vault::Person> p = show_person(s, w.rectified);
  MK_REQUIRE_OK(p);
  INFO("address edits in the audit log vs. the house number");
  CHECK_CONSISTENT(street_number(*p) ==
                   static_cast<long>(objects_of(log, "person.update").count(w.rectified)));
}

// The key slots as the parent last saw them, and how far it read the audit log.
struct SlotModel {
  std::set<std::string> names;
  int generation = 0;  // of the coordinator's passphrase
  std::size_t entries_read = 0;
};

// Key slots: a change is staged as keyslots.next in the unit of work that records its entry and put
// in place after the commit; the open after a kill finishes or discards it as the database's
// record says (service/keyslots.cpp, vault::Vault::open). So the slots now are exactly the slots
// before this round plus the round's audited changes: a change without its entry, or an entry
// without its change, is an inconsistency. No staged file outlives the open.
void check_keyslots(Session& s, const fs::path& dir, const std::vector<vault::AuditEntry>& log,
                    int generation, SlotModel& model, Tally& tally) {
  std::set<std::string> expected = model.names;
  int expected_generation = model.generation;
  for (std::size_t i = model.entries_read; i < log.size(); ++i) {
    const vault::AuditEntry& e = log[i];
    if (e.result != "ok") continue;
    if (e.action == "keyslot.add") expected.insert(e.object);
    if (e.action == "keyslot.remove") expected.erase(e.object);
    if (e.action == "keyslot.passwd" && e.object == kSlot) ++expected_generation;
  }
  std::set<std::string> present;
  for (const vault::SlotInfo& slot : list_key_slots(s))
    present.insert(slot.name);
  std::size_t slot_changes = 0;
  for (const std::string& name : expected)
    slot_changes += present.count(name) ? 0 : 1;
  for (const std::string& name : present)
    slot_changes += expected.count(name) ? 0 : 1;
  const int passphrase_changes = generation - expected_generation;
  INFO("unaudited: " << slot_changes << " slot changes, " << passphrase_changes
                     << " passphrase changes");
  CHECK_CONSISTENT(passphrase_changes >= 0);  // never an entry without its change
  CHECK_CONSISTENT(slot_changes == 0);        // never a change without its entry
  CHECK_CONSISTENT(passphrase_changes <= 0);
  CHECK_CONSISTENT(!fs::exists(dir / "keyslots.next"));  // settled by the open
  tally.unaudited_keyslot += static_cast<int>(slot_changes) + std::max(passphrase_changes, 0);
  model = SlotModel{present, generation, log.size()};
}

std::string sha256_of_file(const fs::path& file) {
  std::string bytes = testing::read_file_bytes(file);
  return to_hex(crypto::sha256(as_bytes(bytes)));
}

bool hidden(const fs::path& p) {
  return p.filename().string().rfind('.', 0) == 0;
}

// export_share (service/sharing.hpp): a package never lies at its name without its register
// entry; files are written under hidden ".<name>.*.partial" names and take their names after the
// commit, so a kill may leave a hidden file no entry names, or an entry whose files kept the hidden
// names. Every entry's package (at its name or hidden) verifies and opens.
void check_packages(Session& s, const CrashWorld& w, Tally& tally) {
  std::map<std::string, fs::path> named, staged;  // by SHA-256 of the package
  for (const auto& entry : fs::directory_iterator(w.exports)) {
    const fs::path& p = entry.path();
    std::string name = p.filename().string();
    if (name.find(".age") == std::string::npos || name.find(".minisig") != std::string::npos) {
      continue;
    }
    (hidden(p) ? staged : named)[sha256_of_file(p)] = p;
  }
  // The signature beside a package: at its name, or hidden when it was not moved yet.
  auto signature_of = [&](const fs::path& package) -> std::optional<fs::path> {
    std::string base = package.filename().string();
    if (hidden(package)) base = base.substr(1, base.find(".age") + 3);  // ".x.age.ABC.partial"
    fs::path at_name = w.exports / (base + ".minisig");
    if (fs::exists(at_name)) return at_name;
    for (const auto& entry : fs::directory_iterator(w.exports)) {
      if (entry.path().filename().string().rfind("." + base + ".minisig.", 0) == 0) {
        return entry.path();
      }
    }
    return std::nullopt;
  };
  std::set<std::string> registered;
  for (auto& r : rows(s, "SELECT id, package_sha256 FROM disclosures")) {
    const std::string& sha = r.at(1);
    registered.insert(sha);
    INFO("disclosure " << r.at(0));
    auto found = named.find(sha);
    if (found == named.end()) {
      found = staged.find(sha);
      CHECK_CONSISTENT(found != staged.end());  // the entry's package exists, at least hidden
      if (found == staged.end()) continue;
      tally.unnamed.insert(r.at(0));
    }
    if (tally.verified_packages.count(sha)) continue;
    std::optional<fs::path> sig = signature_of(found->second);
    CHECK_CONSISTENT(sig.has_value());
    if (!sig) continue;
    std::string file = testing::read_file_bytes(found->second);
    CHECK_CONSISTENT(
        exchange::verify_package(as_bytes(file), testing::read_file_bytes(*sig), w.signer).is_ok());
    CHECK_CONSISTENT(exchange::open_package(as_bytes(file), w.shop_identity.at(0)).is_ok());
    tally.verified_packages.insert(sha);
  }
  std::size_t orphans = 0;
  for (const auto& [sha, path] : named) {
    if (!registered.count(sha)) {
      UNSCOPED_INFO("package file without a register entry: " << path.filename());
      ++orphans;
    }
  }
  for (const auto& entry : fs::directory_iterator(w.exports)) {
    fs::path p = entry.path();
    if (!hidden(p) && p.extension() == ".minisig" && !fs::exists(fs::path(p).replace_extension())) {
      UNSCOPED_INFO("signature without its package: " << p.filename());
      ++orphans;
    }
  }
  CHECK_CONSISTENT(orphans == 0);
  std::size_t hidden_left = 0;
  for (const auto& [sha, path] : staged)
    hidden_left += registered.count(sha) ? 0 : 1;
  tally.hidden_packages = hidden_left;
}

// create_backup (service/backup.hpp): the file takes its name after the register entry committed,
// so no backup at its name is missing from the register; a kill may leave the hidden working
// folder. Every entry's backup verifies.
void check_backups(Session& s, const CrashWorld& w, Tally& tally) {
  std::set<std::string> names;
  for (auto& r : rows(s, "SELECT id, file_name FROM backups")) {
    names.insert(r.at(1));
    fs::path file = w.backups / r.at(1);
    INFO("backup " << r.at(0));
    if (!fs::exists(file)) {
      // Only a kill between the commit and the rename: the file is still in a working folder.
      std::optional<fs::path> kept;
      for (const auto& entry : fs::directory_iterator(w.backups)) {
        if (hidden(entry.path()) && fs::exists(entry.path() / r.at(1)))
          kept = entry.path() / r.at(1);
      }
      CHECK_CONSISTENT(kept.has_value());
      if (!kept) continue;
      file = *kept;
      tally.unnamed.insert(r.at(0));
    }
    if (tally.verified_backups.count(r.at(0))) continue;
    Result<vault::BackupManifest> m = verify_backup(s, file);
    CHECK_CONSISTENT(m.is_ok() && m->backup_id == r.at(0));
    tally.verified_backups.insert(r.at(0));
  }
  std::size_t orphans = 0, working = 0;
  for (const auto& entry : fs::directory_iterator(w.backups)) {
    std::string name = entry.path().filename().string();
    if (hidden(entry.path())) {
      ++working;
    } else if (!names.count(name)) {
      UNSCOPED_INFO("backup file without a register entry: " << name);
      ++orphans;
    }
  }
  CHECK_CONSISTENT(orphans == 0);
  tally.working_folders = working;
}

// A rollback journal SQLite would play back: it exists and starts with the journal magic (a kill
// can also leave an empty or zeroed one, which holds nothing and which SQLite leaves in place).
bool hot_journal(const fs::path& vault_dir) {
  static const std::string kMagic = "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7";
  const fs::path journal = vault_dir / "vault.db-journal";
  if (!fs::exists(journal)) return false;
  return testing::read_file_bytes(journal).rfind(kMagic, 0) == 0;
}

// Which generation's passphrase opens the coordinator slot now: one of those the child went
// through. Probed with vault::Vault::open, which records no failed unlock.
int opening_generation(const fs::path& dir, int from, int to, const Clock& clock) {
  for (int g = to; g >= from; --g) {
    Result<vault::Vault> v =
        vault::Vault::open(dir, secret(passphrase_of(g)), std::string(kSlot), clock);
    if (v) return g;
    REQUIRE(v.status().code() == Code::kWrongPassphrase);
  }
  return -1;
}

}  // namespace

TEST_CASE("killed at random points in a mix of use cases, every unit of work is all or nothing",
          "[crash]") {
  const auto started = std::chrono::steady_clock::now();
  TestSession ts(kToday);
  CrashWorld w = build_world(ts);
  SlotModel slots;
  for (const vault::SlotInfo& slot : list_key_slots(ts.s()))
    slots.names.insert(slot.name);
  ts.close();

  const int kKills = 160;
  int generation = 0;
  std::optional<std::string> kept;  // the checkpoint kept after the previous kill
  Tally tally;
  kill_at_random_points(
      kKills, 20261129, std::chrono::microseconds(200000),
      [&](const ChildReport& report) { work_until_killed(w, generation, tally.kills, report); },
      [&](const KillRound& round) {
        ++tally.kills;
        INFO("kill " << round.index << " after " << round.delay.count() << " us in "
                     << op_name(round.in_flight()) << ", trail " << round.trail);
        ++tally.per_op[round.in_flight()];
        if (hot_journal(w.dir)) ++tally.mid_transaction;
        if (fs::exists(w.dir / "keyslots.next")) {  // a key-slot change between its two phases
          ++tally.staged_keyslots;
          CHECK_CONSISTENT(round.in_flight() == 'k' || round.in_flight() == 'a');
        }

        FixedClock clock(round_start(round.index) + std::chrono::minutes(29));
        const int changes =
            static_cast<int>(std::count(round.trail.begin(), round.trail.end(), 'k'));
        const int now = opening_generation(w.dir, generation, generation + changes, clock);
        INFO("passphrase generations " << generation << ".." << generation + changes);
        REQUIRE(now >= 0);  // the old or the new passphrase opens it, never neither
        generation = now;

        Result<Session> opened = Session::open(w.dir, secret(passphrase_of(generation)),
                                               std::string(kSlot), clock, "test@check");
        MK_REQUIRE_OK(opened);
        Session& s = *opened;
        std::uint64_t size = std::stoull(*column(s, "SELECT count(*) FROM audit_entries").begin());
        tally.points.insert({round.in_flight(), size});
        CHECK_CONSISTENT(!hot_journal(w.dir));  // rolled back on open
        if (fs::exists(w.dir / "vault.db-journal")) ++tally.inert_journals;

        Result<vault::AuditVerification> verified = verify_audit(s, kept);
        MK_REQUIRE_OK(verified);
        INFO(verified->problem);
        CHECK_CONSISTENT(verified->ok);
        Result<std::vector<vault::AuditEntry>> log = list_audit_entries(s, {});
        MK_REQUIRE_OK(log);
        check_records(s, *log, tally);
        check_rectification(s, w, *log, tally);
        check_keyslots(s, w.dir, *log, generation, slots, tally);
        // What a kill leaves beside the files (see check_packages and check_backups) comes only
        // from the operation in flight.
        const std::size_t unnamed_before = tally.unnamed.size();
        const std::size_t hidden_before = tally.hidden_packages;
        const std::size_t working_before = tally.working_folders;
        check_packages(s, w, tally);
        check_backups(s, w, tally);
        if (tally.unnamed.size() > unnamed_before) {
          CHECK_CONSISTENT(round.in_flight() == 'e' || round.in_flight() == 'b');
        }
        if (tally.hidden_packages > hidden_before) CHECK_CONSISTENT(round.in_flight() == 'e');
        if (tally.working_folders > working_before) CHECK_CONSISTENT(round.in_flight() == 'b');
        Result<SignedCheckpoint> cp = audit_checkpoint(s);
        MK_REQUIRE_OK(cp);
        kept = cp->note;
      });

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::ostringstream per_op;
  for (const auto& [op, n] : tally.per_op)
    per_op << " " << op_name(op) << "=" << n;
  WARN("crash harness: " << tally.kills << " kills at " << tally.points.size()
                         << " distinct points (operation, audit size), " << tally.mid_transaction
                         << " inside a transaction; per operation:" << per_op.str() << "; "
                         << tally.verified_packages.size() << " packages and "
                         << tally.verified_backups.size() << " backups verified; "
                         << tally.hidden_packages << " hidden package files and "
                         << tally.working_folders << " backup working folders left by kills, "
                         << tally.unnamed.size()
                         << " entries whose file kept its hidden name (killed just after the "
                            "commit); "
                         << tally.inert_journals << " inert journals; " << tally.staged_keyslots
                         << " staged key-slot files settled at open, " << tally.unaudited_keyslot
                         << " key-slot changes without their entry; " << tally.inconsistencies
                         << " inconsistencies; " << seconds << " s");
  CHECK(tally.inconsistencies == 0);
  CHECK(tally.kills == kKills);
  CHECK(tally.points.size() > static_cast<std::size_t>(kKills) / 2);
  CHECK(tally.mid_transaction > 0);
  // The kills spread over the mix (how many land in each operation depends on how long it runs).
  std::size_t kinds_hit = 0;
  for (char op : kReported)
    kinds_hit += tally.per_op[op] > 0 ? 1 : 0;
  CHECK(kinds_hit >= kReported.size() / 2);
}
