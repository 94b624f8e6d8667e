// Crypto-shredding: what goes with a person, a signal or a case, what stays, what is remembered,
// what a legal hold blocks, and what the audit log says about it.
#include "vault/shredding.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/audit_log.hpp"
#include "vault/case_store.hpp"
#include "vault/field_cipher.hpp"
#include "vault/legal_hold.hpp"
#include "vault/retention_subjects.hpp"
#include "vault/signal_store.hpp"
#include "vault/statistical_facts.hpp"
#include "vault/subject_keys.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
using Ids = std::vector<std::string>;
namespace synthetic = test::synthetic;

// The SHA-256 of a retention policy file, as the service passes it.
constexpr char kPolicyHash[] = "5d0c1b7e9a4f3e2d8c6b5a49f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d";

ShredOrder retention(std::string rule, bool keep_statistics = false) {
  return ShredOrder{std::move(rule), kPolicyHash, keep_statistics};
}
const ShredOrder kErasure{"erasure_request", "", false};

Ids sorted(Ids v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Rows of `table` where `column` = `value` (table and column from the test).
std::int64_t rows_where(Vault& v, std::string_view table, std::string_view column,
                        std::string_view value) {
  Result<Statement> st = v.db().prepare("SELECT count(*) FROM " + std::string(table) + " WHERE " +
                                        std::string(column) + " = ?1");
  MK_REQUIRE_OK(st);
  st->bind(1, value);
  REQUIRE(*st->step());
  return st->column_int(0);
}

// A text column of one row (table and columns from the test).
std::optional<std::string> cell(Vault& v, std::string_view sql, std::string_view id) {
  Result<Statement> st = v.db().prepare(sql);
  MK_REQUIRE_OK(st);
  st->bind(1, id);
  Result<bool> row = st->step();
  REQUIRE(row.is_ok());
  if (!*row || st->is_null(0)) return std::nullopt;
  return st->column_text(0);
}

// A vault with the audit log attached and a small casework history, all before test_today():
//   reporter (Daan, wijkagent) reported signal s1 about the victim (Ioana);
//   s2 names the suspect (Piotr);
//   case c1 (opened 21-01, closed 25-02) holds s1 and s2, the victim and the suspect;
//   case c2 (opened 18-02, closed 19-02) holds s2 and the suspect; so s2 is in both cases;
//   s3 is an anonymous tip linked to no case and no person, closed without suspicion.
struct Scene {
  Scene() {
    vault().set_audit_sink(&log);
    reporter = synthetic::add_person(vault(), PersonRole::kReporter, synthetic::kDaan);
    victim = synthetic::add_person(vault(), PersonRole::kVictim, synthetic::kIoana);
    suspect = synthetic::add_person(vault(), PersonRole::kSuspect, synthetic::kPiotr);
    SignalInput first = synthetic::labour_signal();
    first.received = Date(2026, 1, 8);
    first.reporter_id = reporter;
    first.person_ids = {victim};
    s1 = add(first, Date(2026, 1, 20), SignalOutcome::kCaseOpened);
    SignalInput second = synthetic::labour_signal();
    second.person_ids = {suspect};
    s2 = add(second, Date(2026, 2, 18), SignalOutcome::kCaseOpened);
    s3 = add(synthetic::anonymous_tip(Date(2026, 2, 1)), Date(2026, 2, 3),
             SignalOutcome::kNoSuspicion);
    c1 = open({s1, s2}, {victim, suspect}, Date(2026, 1, 21), Date(2026, 2, 25));
    c2 = open({s2}, {suspect}, Date(2026, 2, 18), Date(2026, 2, 19));
  }

  Vault& vault() { return tv.vault(); }
  void reattach() { vault().set_audit_sink(&log); }

  std::string add(const SignalInput& in, Date closed, SignalOutcome outcome) {
    Result<std::string> id = in_unit(vault(), [&](UnitOfWork& uow) -> Result<std::string> {
      MK_ASSIGN_OR_RETURN(std::string added, add_signal(uow, in));
      MK_RETURN_IF_ERROR(close_signal(uow, added, outcome, closed));
      return added;
    });
    MK_REQUIRE_OK(id);
    return *id;
  }

  std::string open(Ids signals, Ids persons, Date opened, Date closed) {
    Result<std::string> id = in_unit(vault(), [&](UnitOfWork& uow) -> Result<std::string> {
      CaseInput in;
      in.opened = opened;
      in.summary = "Casus arbeidsuitbuiting kassen Westland.";
      in.signal_ids = signals;
      in.person_ids = persons;
      MK_ASSIGN_OR_RETURN(std::string opened_id, open_case(uow, in));
      MK_RETURN_IF_ERROR(close_case(uow, opened_id, CaseStatus::kClosed, closed, std::nullopt));
      return opened_id;
    });
    MK_REQUIRE_OK(id);
    return *id;
  }

  Status shred(SubjectKind kind, const std::string& id, const ShredOrder& order) {
    return in_unit(vault(), [&](UnitOfWork& uow) {
      switch (kind) {
        case SubjectKind::kSignal:
          return shred_signal(uow, id, order);
        case SubjectKind::kCase:
          return shred_case(uow, id, order);
        case SubjectKind::kDisclosure:
          return shred_disclosure(uow, id, order);
        case SubjectKind::kPerson:
          break;
      }
      return shred_person(uow, id, order);
    });
  }

  Status hold(const std::string& case_id) {
    return in_unit(vault(), [&](UnitOfWork& uow) {
      return place_hold(uow, case_id, "Strafrechtelijk onderzoek, verzoek OM 2026-02");
    });
  }

  std::map<std::string, RetentionSubject> subjects() {
    Result<std::vector<RetentionSubject>> all =
        in_unit(vault(), [](UnitOfWork& uow) { return list_retention_subjects(uow); });
    MK_REQUIRE_OK(all);
    std::map<std::string, RetentionSubject> out;
    for (RetentionSubject& s : *all)
      out.emplace(s.id, std::move(s));
    return out;
  }

  std::uint64_t audit_entries() {
    Result<std::uint64_t> n = audit_size(vault());
    MK_REQUIRE_OK(n);
    return *n;
  }

  AuditEntry last_entry() {
    Result<std::vector<AuditEntry>> all = read_audit_entries(vault(), {});
    MK_REQUIRE_OK(all);
    REQUIRE(!all->empty());
    return all->back();
  }

  // Every table a shred changes, counted; equal counts mean nothing was shredded.
  std::vector<std::int64_t> counts() {
    std::vector<std::int64_t> out;
    for (const char* table :
         {"persons", "person_index", "signals", "signal_codes", "signal_persons", "cases",
          "case_signals", "case_persons", "subject_keys", "legal_holds", "statistical_facts",
          "audit_entries"}) {
      out.push_back(tv.count_rows(table));
    }
    return out;
  }

  TestVault tv;
  AuditLog log{"test@werkplek-12"};
  std::string reporter, victim, suspect, s1, s2, s3, c1, c2;
};

std::optional<Date> closure_of(std::map<std::string, RetentionSubject>& subjects,
                               const std::string& id) {
  REQUIRE(subjects.count(id) == 1);
  return subjects.at(id).closed;
}

Result<std::vector<Person>> find_by_bsn(Vault& v, std::string_view bsn) {
  return in_unit(v, [&](UnitOfWork& uow) {
    PersonIdentity query;
    query.set(PersonField::kBsn, std::string(bsn));
    return find_persons(uow, PersonIndexKind::kBsn, query);
  });
}

Result<std::vector<Person>> find_by_name(Vault& v, const synthetic::DutchPerson& p) {
  return in_unit(v, [&](UnitOfWork& uow) {
    PersonIdentity query;
    query.set(PersonField::kName, std::string(p.name));
    query.set(PersonField::kDateOfBirth, std::string(p.date_of_birth));
    return find_persons(uow, PersonIndexKind::kNameDob, query);
  });
}

// Tries to open `sealed` (the name field of `person` under key `key_id`) with the key `with`.
Result<std::string> open_name_with(Vault& v, const std::string& with, const std::string& person,
                                   const std::string& key_id, const Bytes& sealed) {
  return in_unit(v, [&](UnitOfWork& uow) -> Result<std::string> {
    MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, with));
    return decrypt_field(key, FieldLocation{"persons", "name", person, key_id}, sealed);
  });
}

}  // namespace

TEST_CASE("shredding a person deletes their row, indexes and key; a copied ciphertext stays shut") {
  Scene s;
  Vault& v = s.vault();
  std::string anouk = synthetic::add_person(v, PersonRole::kVictim, synthetic::kAnouk);
  std::string key_id = *cell(v, "SELECT key_id FROM persons WHERE id = ?1", anouk);
  // What a backup or a stolen copy of the database holds: the sealed name and its key id.
  Result<Statement> st = v.db().prepare("SELECT name FROM persons WHERE id = ?1");
  MK_REQUIRE_OK(st);
  st->bind(1, anouk);
  REQUIRE(*st->step());
  Bytes sealed = st->column_blob(0);
  st = v.db().prepare("SELECT 1");  // finalise the read
  Result<std::string> before = open_name_with(v, key_id, anouk, key_id, sealed);
  MK_REQUIRE_OK(before);
  CHECK(*before == synthetic::kAnouk.name);
  REQUIRE(find_by_bsn(v, synthetic::kAnouk.bsn)->size() == 1);
  REQUIRE(rows_where(v, "person_index", "person_id", anouk) == 3);

  MK_REQUIRE_OK(s.shred(SubjectKind::kPerson, anouk, retention("person-victim")));

  CHECK(rows_where(v, "persons", "id", anouk) == 0);
  CHECK(rows_where(v, "person_index", "person_id", anouk) == 0);
  CHECK(rows_where(v, "subject_keys", "id", key_id) == 0);
  CHECK(code_of(in_unit(v, [&](UnitOfWork& uow) { return get_person_summary(uow, anouk); })) ==
        Code::kNotFound);
  Result<std::vector<Person>> by_bsn = find_by_bsn(v, synthetic::kAnouk.bsn);
  MK_REQUIRE_OK(by_bsn);
  CHECK(by_bsn->empty());
  Result<std::vector<Person>> by_name = find_by_name(v, synthetic::kAnouk);
  MK_REQUIRE_OK(by_name);
  CHECK(by_name->empty());
  CHECK(code_of(open_name_with(v, key_id, anouk, key_id, sealed)) == Code::kNotFound);
  // No key left in the vault opens it.
  Result<Statement> keys = v.db().prepare("SELECT id FROM subject_keys");
  MK_REQUIRE_OK(keys);
  Ids remaining;
  while (*keys->step())
    remaining.push_back(keys->column_text(0));
  keys = v.db().prepare("SELECT 1");
  REQUIRE(remaining.size() == 8);  // 3 persons, 3 signals, 2 cases
  for (const std::string& other : remaining) {
    CHECK_FALSE(open_name_with(v, other, anouk, key_id, sealed).is_ok());
  }
  // The others are still found.
  CHECK(find_by_bsn(v, synthetic::kIoana.bsn)->size() == 1);
}

TEST_CASE("a shredded person leaves their signals and cases, and a signal they reported") {
  Scene s;
  Vault& v = s.vault();
  MK_REQUIRE_OK(s.shred(SubjectKind::kPerson, s.reporter, retention("person-reporter")));
  MK_REQUIRE_OK(s.shred(SubjectKind::kPerson, s.victim, kErasure));
  Result<SignalSummary> s1 =
      in_unit(v, [&](UnitOfWork& uow) { return get_signal_summary(uow, s.s1); });
  MK_REQUIRE_OK(s1);
  CHECK_FALSE(s1->reporter_id.has_value());
  CHECK(s1->person_ids.empty());
  CHECK(s1->case_ids == sorted({s.c1}));
  Result<Signal> read = in_unit(v, [&](UnitOfWork& uow) { return read_signal(uow, s.s1); });
  MK_REQUIRE_OK(read);  // its narrative is the signal's, under the signal's own key
  CHECK(read->narrative == std::string(synthetic::kLabourNarrative));
  Result<CaseSummary> c1 = in_unit(v, [&](UnitOfWork& uow) { return get_case_summary(uow, s.c1); });
  MK_REQUIRE_OK(c1);
  CHECK(c1->person_ids == Ids{s.suspect});
}

TEST_CASE("shredding a case takes its signals linked to no other case and keeps the others") {
  Scene s;
  Vault& v = s.vault();
  std::string s1_key = *cell(v, "SELECT key_id FROM signals WHERE id = ?1", s.s1);
  std::string c1_key = *cell(v, "SELECT key_id FROM cases WHERE id = ?1", s.c1);
  std::uint64_t entries = s.audit_entries();

  MK_REQUIRE_OK(s.shred(SubjectKind::kCase, s.c1, retention("case-closed")));
  // One entry for the case and one for the signal it took, nothing else.
  REQUIRE(s.audit_entries() == entries + 2);
  Result<std::vector<AuditEntry>> all = read_audit_entries(v, {});
  MK_REQUIRE_OK(all);
  const AuditEntry& for_case = (*all)[entries];
  const AuditEntry& for_signal = (*all)[entries + 1];
  CHECK(for_case.action == "retention.shred");
  CHECK(for_case.object == s.c1);
  CHECK(for_case.detail == "rule=case-closed;policy=" + std::string(kPolicyHash) + ";action=shred");
  CHECK(for_signal.action == "retention.shred");
  CHECK(for_signal.object == s.s1);
  CHECK(for_signal.detail == for_case.detail);

  CHECK(rows_where(v, "cases", "id", s.c1) == 0);
  CHECK(rows_where(v, "subject_keys", "id", c1_key) == 0);
  CHECK(rows_where(v, "case_persons", "case_id", s.c1) == 0);
  CHECK(rows_where(v, "case_signals", "case_id", s.c1) == 0);
  // s1 was only in c1: gone with its codes, links and key.
  CHECK(rows_where(v, "signals", "id", s.s1) == 0);
  CHECK(rows_where(v, "signal_codes", "signal_id", s.s1) == 0);
  CHECK(rows_where(v, "signal_persons", "signal_id", s.s1) == 0);
  CHECK(rows_where(v, "subject_keys", "id", s1_key) == 0);
  // s2 is also in c2: kept, whole.
  Result<Signal> s2 = in_unit(v, [&](UnitOfWork& uow) { return read_signal(uow, s.s2); });
  MK_REQUIRE_OK(s2);
  CHECK(s2->summary.case_ids == Ids{s.c2});
  CHECK(s2->summary.forms == Ids{"labour"});
  CHECK(s2->narrative == std::string(synthetic::kLabourNarrative));
  MK_CHECK_OK(in_unit(v, [&](UnitOfWork& uow) { return read_case(uow, s.c2); }));
  // The persons stay; so does the unlinked tip.
  CHECK(s.tv.count_rows("persons") == 3);
  CHECK(rows_where(v, "signals", "id", s.s3) == 1);
}

TEST_CASE("persons keep the closure of what was shredded, so their own retention does not move") {
  Scene s;
  std::map<std::string, RetentionSubject> before = s.subjects();
  REQUIRE(closure_of(before, s.victim) == Date(2026, 2, 25));    // c1
  REQUIRE(closure_of(before, s.reporter) == Date(2026, 2, 25));  // c1, through s1
  REQUIRE(closure_of(before, s.suspect) == Date(2026, 2, 25));   // c1 (c2 closed 19-02)

  // Later, on another day: the day of shredding must not become anyone's closure.
  s.tv.clock().advance(std::chrono::hours(24 * 400));
  MK_REQUIRE_OK(s.shred(SubjectKind::kCase, s.c1, retention("case-closed")));
  std::map<std::string, RetentionSubject> after = s.subjects();
  CHECK(after.count(s.c1) == 0);
  CHECK(after.count(s.s1) == 0);
  CHECK(closure_of(after, s.victim) == Date(2026, 2, 25));    // linked to nothing now
  CHECK(closure_of(after, s.reporter) == Date(2026, 2, 25));  // reported nothing left
  CHECK(closure_of(after, s.suspect) == Date(2026, 2, 25));   // still in c2 (19-02) and s2 (18-02)

  // A signal on its own: the tip's persons keep its closure.
  std::string neighbour = synthetic::add_person(s.vault(), PersonRole::kOther, synthetic::kMehmet);
  SignalInput tip = synthetic::anonymous_tip(Date(2026, 2, 10));
  tip.person_ids = {neighbour};
  std::string signal = s.add(tip, Date(2026, 2, 12), SignalOutcome::kInsufficientInformation);
  std::map<std::string, RetentionSubject> with_tip = s.subjects();
  REQUIRE(closure_of(with_tip, neighbour) == Date(2026, 2, 12));
  MK_REQUIRE_OK(s.shred(SubjectKind::kSignal, signal, retention("signal-closed")));
  std::map<std::string, RetentionSubject> without_tip = s.subjects();
  CHECK(without_tip.count(signal) == 0);
  CHECK(closure_of(without_tip, neighbour) == Date(2026, 2, 12));
}

TEST_CASE("a held case, its signals and its persons are refused until the hold is released") {
  Scene s;
  MK_REQUIRE_OK(s.hold(s.c2));
  std::vector<std::int64_t> held = s.counts();
  CHECK(code_of(s.shred(SubjectKind::kCase, s.c2, retention("case-closed"))) == Code::kConflict);
  CHECK(code_of(s.shred(SubjectKind::kSignal, s.s2, retention("signal-closed"))) ==
        Code::kConflict);
  CHECK(code_of(s.shred(SubjectKind::kPerson, s.suspect, retention("person-suspect"))) ==
        Code::kConflict);
  CHECK(code_of(s.shred(SubjectKind::kPerson, s.suspect, kErasure)) == Code::kConflict);
  Status refused = s.shred(SubjectKind::kCase, s.c2, retention("case-closed"));
  CHECK(refused.message().find(s.c2) != std::string::npos);  // names the hold, by id
  CHECK(s.counts() == held);
  // c1 is not held; shredding it keeps s2, which c2 holds.
  MK_REQUIRE_OK(s.shred(SubjectKind::kCase, s.c1, retention("case-closed")));
  CHECK(rows_where(s.vault(), "signals", "id", s.s2) == 1);

  // Holding a case holds the persons linked to it directly and through its signals.
  Scene t;
  MK_REQUIRE_OK(t.hold(t.c1));
  MK_REQUIRE_OK(t.hold(t.c2));
  std::map<std::string, RetentionSubject> subjects = t.subjects();
  CHECK(subjects.at(t.c1).held_by == Ids{t.c1});
  CHECK(subjects.at(t.c2).held_by == Ids{t.c2});
  CHECK(subjects.at(t.victim).held_by == Ids{t.c1});
  CHECK(subjects.at(t.reporter).held_by == Ids{t.c1});  // reported s1, which is in c1
  CHECK(subjects.at(t.suspect).held_by == sorted({t.c1, t.c2}));
  CHECK(subjects.at(t.s3).held_by.empty());
  CHECK(code_of(t.shred(SubjectKind::kPerson, t.reporter, retention("person-reporter"))) ==
        Code::kConflict);
  CHECK(code_of(t.shred(SubjectKind::kPerson, t.victim, kErasure)) == Code::kConflict);
  MK_CHECK_OK(t.shred(SubjectKind::kSignal, t.s3, retention("signal-no-suspicion")));

  // Released, c1 can go, and its released hold with it.
  MK_REQUIRE_OK(in_unit(t.vault(), [&](UnitOfWork& uow) { return release_hold(uow, t.c1); }));
  MK_REQUIRE_OK(t.shred(SubjectKind::kCase, t.c1, retention("case-closed")));
  Result<std::vector<LegalHold>> holds =
      in_unit(t.vault(), [](UnitOfWork& uow) { return list_holds(uow, true); });
  MK_REQUIRE_OK(holds);
  REQUIRE(holds->size() == 1);
  CHECK(holds->front().case_id == t.c2);
  // The victim and reporter were only held through c1.
  MK_CHECK_OK(t.shred(SubjectKind::kPerson, t.victim, kErasure));
  MK_CHECK_OK(t.shred(SubjectKind::kPerson, t.reporter, retention("person-reporter")));
  CHECK(code_of(t.shred(SubjectKind::kPerson, t.suspect, kErasure)) == Code::kConflict);
}

TEST_CASE("statistical facts are kept only when asked: months and codes, no ids") {
  Scene s;
  Vault& v = s.vault();
  MK_REQUIRE_OK(s.shred(SubjectKind::kSignal, s.s3, retention("signal-no-suspicion")));
  CHECK(s.tv.count_rows("statistical_facts") == 0);

  MK_REQUIRE_OK(s.shred(SubjectKind::kCase, s.c1, retention("case-closed", true)));
  CHECK(s.last_entry().detail ==
        "rule=case-closed;policy=" + std::string(kPolicyHash) + ";action=deidentify");
  Result<std::vector<StatisticalFact>> facts =
      in_unit(v, [](UnitOfWork& uow) { return list_statistical_facts(uow); });
  MK_REQUIRE_OK(facts);
  REQUIRE(facts->size() == 2);  // c1, and s1 which went with it; s2 stays in c2
  const StatisticalFact& case_fact = facts->at(0).kind == "case" ? facts->at(0) : facts->at(1);
  const StatisticalFact& signal_fact = facts->at(0).kind == "case" ? facts->at(1) : facts->at(0);
  CHECK(case_fact.kind == "case");
  CHECK(case_fact.period == "2026-01");
  CHECK(case_fact.closed_period == "2026-02");
  CHECK(case_fact.outcome == "closed");
  CHECK(case_fact.source_kind.empty());
  CHECK(case_fact.minor.empty());
  CHECK(case_fact.forms.empty());
  CHECK(case_fact.victims == 1);
  CHECK(case_fact.suspects == 1);
  CHECK(case_fact.rule == "case-closed");
  CHECK(case_fact.shredded_period == "2026-03");
  CHECK(signal_fact.kind == "signal");
  CHECK(signal_fact.period == "2026-01");
  CHECK(signal_fact.closed_period == "2026-01");
  CHECK(signal_fact.source_kind == "internal_team");
  CHECK(signal_fact.outcome == "case_opened");
  CHECK(signal_fact.forms == Ids{"labour"});
  CHECK(signal_fact.minor == "no");
  CHECK(signal_fact.victims == 1);  // the reporter is not counted
  CHECK(signal_fact.suspects == 0);

  // Nothing in the table refers to a record: no id column, no id or date of a day in any cell.
  Result<Statement> columns = v.db().prepare("PRAGMA table_info(statistical_facts)");
  MK_REQUIRE_OK(columns);
  while (*columns->step()) {
    std::string name = columns->column_text(1);
    CHECK(name.find("id") == std::string::npos);
  }
  columns = v.db().prepare("SELECT 1");
  Result<Statement> st = v.db().prepare(
      "SELECT kind || '|' || period || '|' || closed_period || '|' || source_kind || '|' || "
      "outcome || '|' || forms || '|' || minor || '|' || rule || '|' || shredded_period "
      "FROM statistical_facts");
  MK_REQUIRE_OK(st);
  int rows = 0;
  while (*st->step()) {
    ++rows;
    std::string row = st->column_text(0);
    INFO(row);
    for (const std::string& id : {s.c1, s.s1, s.victim, s.suspect, s.reporter}) {
      CHECK(row.find(id) == std::string::npos);
    }
    CHECK(row.find("2026-01-") == std::string::npos);
    CHECK(row.find("2026-02-") == std::string::npos);
    CHECK(row.find("2026-03-") == std::string::npos);
  }
  CHECK(rows == 2);

  // Two tips alike in every kept fact are counted, not told apart: one row, listed twice.
  std::string tip_a = s.add(synthetic::anonymous_tip(Date(2026, 2, 5)), Date(2026, 2, 10),
                            SignalOutcome::kNoSuspicion);
  std::string tip_b = s.add(synthetic::anonymous_tip(Date(2026, 2, 9)), Date(2026, 2, 10),
                            SignalOutcome::kNoSuspicion);
  MK_REQUIRE_OK(s.shred(SubjectKind::kSignal, tip_b, retention("signal-no-suspicion", true)));
  MK_REQUIRE_OK(s.shred(SubjectKind::kSignal, tip_a, retention("signal-no-suspicion", true)));
  CHECK(s.tv.count_rows("statistical_facts") == 3);
  facts = in_unit(v, [](UnitOfWork& uow) { return list_statistical_facts(uow); });
  MK_REQUIRE_OK(facts);
  REQUIRE(facts->size() == 4);
  CHECK(std::count_if(facts->begin(), facts->end(), [](const StatisticalFact& f) {
          return f.kind == "signal" && f.outcome == "no_suspicion" && f.period == "2026-02" &&
                 f.source_kind == "anonymous" && f.forms == Ids{"sexual"} && f.minor == "unknown";
        }) == 2);
  // Oldest period first.
  CHECK(facts->front().period == "2026-01");
  CHECK(facts->back().period == "2026-02");
}

TEST_CASE("the compliance role cannot shred or hold, but sees subjects, holds and facts") {
  Scene s;
  MK_REQUIRE_OK(s.hold(s.c2));
  MK_REQUIRE_OK(s.shred(SubjectKind::kSignal, s.s3, retention("signal-no-suspicion", true)));
  std::map<std::string, RetentionSubject> as_coordinator = s.subjects();
  s.tv.reopen_as_compliance();
  s.reattach();
  std::vector<std::int64_t> before = s.counts();

  CHECK(code_of(s.shred(SubjectKind::kPerson, s.victim, retention("person-victim"))) ==
        Code::kForbidden);
  CHECK(code_of(s.shred(SubjectKind::kPerson, s.victim, kErasure)) == Code::kForbidden);
  CHECK(code_of(s.shred(SubjectKind::kCase, s.c1, retention("case-closed"))) == Code::kForbidden);
  CHECK(code_of(s.shred(SubjectKind::kSignal, s.s1, retention("signal-closed"))) ==
        Code::kForbidden);
  CHECK(code_of(s.hold(s.c1)) == Code::kForbidden);
  CHECK(code_of(in_unit(s.vault(), [&](UnitOfWork& uow) { return release_hold(uow, s.c2); })) ==
        Code::kForbidden);
  CHECK(s.counts() == before);

  std::map<std::string, RetentionSubject> as_compliance = s.subjects();
  REQUIRE(as_compliance.size() == as_coordinator.size());
  for (const auto& [id, subject] : as_coordinator) {
    INFO(id);
    REQUIRE(as_compliance.count(id) == 1);
    CHECK(as_compliance.at(id).closed == subject.closed);
    CHECK(as_compliance.at(id).held_by == subject.held_by);
  }
  Result<std::vector<LegalHold>> holds =
      in_unit(s.vault(), [](UnitOfWork& uow) { return list_holds(uow, false); });
  MK_REQUIRE_OK(holds);
  REQUIRE(holds->size() == 1);
  CHECK(holds->front().case_id == s.c2);
  Result<std::vector<StatisticalFact>> facts =
      in_unit(s.vault(), [](UnitOfWork& uow) { return list_statistical_facts(uow); });
  MK_REQUIRE_OK(facts);
  CHECK(facts->size() == 1);
}

TEST_CASE("each shred writes one audit entry, and the log still verifies and only grew") {
  Scene s;
  Vault& v = s.vault();
  Result<std::string> kept = write_checkpoint(v);
  MK_REQUIRE_OK(kept);

  std::uint64_t n = s.audit_entries();
  MK_REQUIRE_OK(s.shred(SubjectKind::kSignal, s.s3, retention("signal-no-suspicion")));
  CHECK(s.audit_entries() == n + 1);
  AuditEntry e = s.last_entry();
  CHECK(e.action == "retention.shred");
  CHECK(e.object == s.s3);
  CHECK(e.actor == "coordinator");
  CHECK(e.result == "ok");
  CHECK(e.detail ==
        "rule=signal-no-suspicion;policy=" + std::string(kPolicyHash) + ";action=shred");

  n = s.audit_entries();
  MK_REQUIRE_OK(s.shred(SubjectKind::kPerson, s.reporter, retention("person-reporter")));
  CHECK(s.audit_entries() == n + 1);
  e = s.last_entry();
  CHECK(e.action == "retention.shred");
  CHECK(e.object == s.reporter);

  n = s.audit_entries();
  MK_REQUIRE_OK(s.shred(SubjectKind::kPerson, s.victim, kErasure));
  CHECK(s.audit_entries() == n + 1);
  e = s.last_entry();
  CHECK(e.action == "person.erase");
  CHECK(e.object == s.victim);
  CHECK(e.detail == "rule=erasure_request;policy=;action=shred");
  std::string leaf = encode_audit_entry(e);
  CHECK(leaf.find(synthetic::kIoana.name) == std::string::npos);

  // A refused shred writes nothing (the service audits refusals itself).
  MK_REQUIRE_OK(s.hold(s.c2));
  n = s.audit_entries();
  CHECK(code_of(s.shred(SubjectKind::kCase, s.c2, retention("case-closed"))) == Code::kConflict);
  CHECK(s.audit_entries() == n);

  Result<AuditVerification> verified = verify_audit_log(v, *kept);
  MK_REQUIRE_OK(verified);
  CHECK(verified->ok);
  CHECK(verified->problem.empty());
  CHECK(verified->entries == s.audit_entries());
  MK_REQUIRE_OK(write_checkpoint(v));
  verified = verify_audit_log(v, *kept);
  MK_REQUIRE_OK(verified);
  CHECK(verified->ok);
}

TEST_CASE("bad ids, missing subjects and malformed orders are refused and change nothing") {
  Scene s;
  std::vector<std::int64_t> before = s.counts();
  const ShredOrder ok = retention("case-closed");
  for (const char* bad : {"", "C-123", "c-7K3M9Q2X", "C-7K3M9Q2I", "C-7K3M9Q2X ", "P-7K3M9Q2X"}) {
    INFO(bad);
    CHECK(code_of(s.shred(SubjectKind::kCase, bad, ok)) == Code::kInvalidInput);
  }
  CHECK(code_of(s.shred(SubjectKind::kSignal, s.c1, ok)) == Code::kInvalidInput);
  CHECK(code_of(s.shred(SubjectKind::kPerson, s.s1, ok)) == Code::kInvalidInput);
  CHECK(code_of(s.shred(SubjectKind::kCase, "C-7K3M9Q2X", ok)) == Code::kNotFound);
  CHECK(code_of(s.shred(SubjectKind::kSignal, "S-7K3M9Q2X", ok)) == Code::kNotFound);
  CHECK(code_of(s.shred(SubjectKind::kPerson, "P-7K3M9Q2X", ok)) == Code::kNotFound);
  CHECK(code_of(s.shred(SubjectKind::kPerson, "P-7K3M9Q2X", kErasure)) == Code::kNotFound);

  const ShredOrder bad_orders[] = {
      {"", kPolicyHash, false},                   // no rule
      {"case;action=shred", kPolicyHash, false},  // would forge the audit detail
      {"case closed", kPolicyHash, false},
      {std::string(65, 'a'), kPolicyHash, false},
      {"case-closed", "", false},                    // no policy
      {"case-closed", std::string(64, 'A'), false},  // not lowercase hex
      {"case-closed", std::string(kPolicyHash) + "0", false},
      {"erasure_request", "", false},  // only for persons
  };
  for (const ShredOrder& order : bad_orders) {
    INFO(order.rule << " / " << order.policy_hash);
    CHECK(code_of(s.shred(SubjectKind::kCase, s.c1, order)) == Code::kInvalidInput);
  }
  CHECK(code_of(s.shred(SubjectKind::kPerson, s.victim, {"erasure_request", kPolicyHash, false})) ==
        Code::kInvalidInput);
  CHECK(code_of(s.shred(SubjectKind::kPerson, s.victim, {"erasure_request", "", true})) ==
        Code::kInvalidInput);
  CHECK(code_of(s.shred(SubjectKind::kPerson, s.victim, retention("person-victim", true))) ==
        Code::kInvalidInput);
  CHECK(s.counts() == before);
}

}  // namespace mk::vault
