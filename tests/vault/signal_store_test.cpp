// Signals: intake, assessment, closing, listing, and what the compliance role may see.
#include "vault/signal_store.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "test_vault_fixture.hpp"
#include "vault/case_store.hpp"
#include "vault/field_rules.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
namespace synthetic = test::synthetic;

Result<std::string> add_one(Vault& v, const SignalInput& in) {
  return in_unit(v, [&](UnitOfWork& uow) { return add_signal(uow, in); });
}

Result<Signal> read_one(Vault& v, const std::string& id) {
  return in_unit(v, [&](UnitOfWork& uow) { return read_signal(uow, id); });
}

Result<SignalSummary> summary_of(Vault& v, const std::string& id) {
  return in_unit(v, [&](UnitOfWork& uow) { return get_signal_summary(uow, id); });
}

Status update_one(Vault& v, const std::string& id, const SignalPatch& patch) {
  return in_unit(v, [&](UnitOfWork& uow) { return update_signal(uow, id, patch); });
}

Status close_one(Vault& v, const std::string& id, SignalOutcome outcome, Date closed) {
  return in_unit(v, [&](UnitOfWork& uow) { return close_signal(uow, id, outcome, closed); });
}

Result<std::vector<SignalSummary>> list_of(Vault& v, const SignalFilter& filter = {}) {
  return in_unit(v, [&](UnitOfWork& uow) { return list_signals(uow, filter); });
}

std::vector<std::string> ids_of(const std::vector<SignalSummary>& signals) {
  std::vector<std::string> out;
  for (const SignalSummary& s : signals) {
    out.push_back(s.id);
  }
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

bool contains(ByteView haystack, std::string_view needle) {
  std::string_view text(reinterpret_cast<const char*>(haystack.data()), haystack.size());
  return text.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("a signal keeps every field it was given", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string reporter = synthetic::add_person(v, PersonRole::kReporter, synthetic::kAnouk);
  std::string ioana = synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  std::string piotr = synthetic::add_person(v, PersonRole::kSuspect, synthetic::kPiotr);
  SignalInput in = synthetic::labour_signal();
  in.reporter_id = reporter;
  in.person_ids = {piotr, ioana};

  UnitOfWork uow = test::begin_unit(v);
  Result<std::string> id = add_signal(uow, in);
  MK_REQUIRE_OK(id);
  CHECK(test::recorded(uow, "signal.add").detail ==
        "source=internal_team fields=source_team,reporter_id,narrative,nature,scale,severity,forms,"
        "indicators,person_ids");
  MK_REQUIRE_OK(uow.commit());

  tv.clock().advance(std::chrono::hours(3));
  UnitOfWork reading = test::begin_unit(v);
  Result<Signal> s = read_signal(reading, *id);
  MK_REQUIRE_OK(s);
  AuditEvent read_event = test::recorded(reading, "signal.read");
  CHECK(read_event.object == *id);
  CHECK(read_event.detail == "fields=narrative,nature");

  CHECK(id->size() == 10);
  CHECK(id->rfind("S-", 0) == 0);
  const SignalSummary& m = s->summary;
  CHECK(m.id == *id);
  CHECK(m.received == Date(2026, 2, 16));
  CHECK(m.source_kind == SourceKind::kInternalTeam);
  CHECK(m.source_team == "Wijkteam Oost");
  CHECK(m.reporter_id == reporter);
  CHECK(m.scale == Scale::kMultiple);
  CHECK(m.severity == Severity::kHigh);
  CHECK(m.minor == MinorInvolved::kNo);
  CHECK(m.forms == std::vector<std::string>{"labour"});
  CHECK(m.indicators == sorted(in.indicators));
  CHECK(m.person_ids == sorted({ioana, piotr}));
  CHECK(m.case_ids.empty());
  CHECK(m.status == SignalStatus::kNew);
  CHECK_FALSE(m.outcome.has_value());
  CHECK_FALSE(m.closed.has_value());
  CHECK(m.has_narrative);
  CHECK(m.has_nature);
  CHECK(m.created == test::test_now());
  CHECK(m.updated == test::test_now());
  CHECK(s->narrative == std::string(synthetic::kLabourNarrative));
  CHECK(s->nature == std::string(synthetic::kLabourNature));

  Result<SignalSummary> meta = get_signal_summary(reading, *id);
  MK_REQUIRE_OK(meta);
  CHECK(meta->indicators == m.indicators);
  CHECK(meta->reporter_id == reporter);
}

TEST_CASE("a bare anonymous signal has no optional values", "[vault][signal]") {
  TestVault tv;
  SignalInput in;
  in.received = Date(2019, 6, 3);
  in.source_kind = SourceKind::kAnonymous;
  Result<std::string> id = add_one(tv.vault(), in);
  MK_REQUIRE_OK(id);

  UnitOfWork uow = test::begin_unit(tv.vault());
  Result<Signal> s = read_signal(uow, *id);
  MK_REQUIRE_OK(s);
  CHECK(test::recorded(uow, "signal.read").detail == "fields=");
  CHECK(s->summary.received == Date(2019, 6, 3));
  CHECK(s->summary.source_kind == SourceKind::kAnonymous);
  CHECK_FALSE(s->summary.source_team.has_value());
  CHECK_FALSE(s->summary.reporter_id.has_value());
  CHECK_FALSE(s->summary.scale.has_value());
  CHECK_FALSE(s->summary.severity.has_value());
  CHECK(s->summary.minor == MinorInvolved::kUnknown);
  CHECK(s->summary.forms.empty());
  CHECK(s->summary.indicators.empty());
  CHECK(s->summary.person_ids.empty());
  CHECK_FALSE(s->summary.has_narrative);
  CHECK_FALSE(s->summary.has_nature);
  CHECK_FALSE(s->narrative.has_value());
  CHECK_FALSE(s->nature.has_value());
}

TEST_CASE("narrative and nature are stored only as ciphertext", "[vault][signal]") {
  TestVault tv;
  Result<std::string> id = add_one(tv.vault(), synthetic::labour_signal());
  MK_REQUIRE_OK(id);
  Result<Statement> st =
      tv.vault().db().prepare("SELECT narrative, nature, source_team FROM signals WHERE id = ?1");
  MK_REQUIRE_OK(st);
  st->bind(1, *id);
  Result<bool> row = st->step();
  REQUIRE((row && *row));
  Bytes narrative = st->column_blob(0);
  Bytes nature = st->column_blob(1);
  REQUIRE(narrative.size() > synthetic::kLabourNarrative.size());
  CHECK_FALSE(contains(narrative, "Herenstraat"));
  CHECK_FALSE(contains(narrative, "paspoort"));
  CHECK_FALSE(contains(nature, "arbeidsuitbuiting"));
  CHECK(st->column_text(2) == "Wijkteam Oost");  // metadata, deliberately plain
}

TEST_CASE("bad signal input is refused naming field and rule, and writes nothing",
          "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string victim = synthetic::add_person(v, PersonRole::kVictim, synthetic::kMehmet);

  struct Bad {
    const char* what;
    std::function<void(SignalInput&)> spoil;
    const char* message;
    std::string secret;  // a value that must not appear in the message
  };
  const std::vector<Bad> cases = {
      {"received tomorrow", [](SignalInput& in) { in.received = Date(2026, 3, 3); },
       "received: lies in the future", ""},
      {"received in 1899", [](SignalInput& in) { in.received = Date(1899, 12, 31); },
       "received: lies before 1900", ""},
      {"blank narrative", [](SignalInput& in) { in.narrative = " \n\t "; }, "narrative: is empty",
       ""},
      {"narrative with an escape character",
       [](SignalInput& in) { in.narrative = "Melding over Mehmet Y\x1b[8m verborgen"; },
       "narrative: contains a control character", "Mehmet"},
      {"narrative that is not UTF-8", [](SignalInput& in) { in.narrative = "Yılmaz \xc3\x28"; },
       "narrative: is not valid UTF-8", "Yılmaz"},
      {"narrative too long",
       [](SignalInput& in) { in.narrative = std::string(kMaxNarrativeChars + 1, 'x'); },
       "narrative: is longer than 20000 characters", ""},
      {"nature too long",
       [](SignalInput& in) { in.nature = std::string(kMaxNatureChars + 1, 'y'); },
       "nature: is longer than 4000 characters", ""},
      {"source team on two lines", [](SignalInput& in) { in.source_team = "Wijkteam\nOost"; },
       "source_team: must be a single line", "Wijkteam"},
      {"source team too long",
       [](SignalInput& in) { in.source_team = std::string(kMaxSourceTeamChars + 1, 'W'); },
       "source_team: is longer than 100 characters", ""},
      {"form code in capitals", [](SignalInput& in) { in.forms = {"Arbeid"}; },
       "forms: a code is 1-64 characters of a-z, 0-9, '.' and '_'", "Arbeid"},
      {"indicator ticked twice",
       [](SignalInput& in) {
         in.indicators = {"coercion.violence", "coercion.violence"};
       },
       "indicators: lists a code twice", "coercion.violence"},
      {"person id of the wrong kind", [&](SignalInput& in) { in.person_ids = {"S-7K3M9Q2X"}; },
       "person_ids: not a person id (expected P-XXXXXXXX)", ""},
      {"anonymous with a reporter",
       [&](SignalInput& in) {
         in.source_kind = SourceKind::kAnonymous;
         in.reporter_id = victim;
       },
       "reporter_id: an anonymous signal has no reporter", ""},
      {"reporter who is a victim", [&](SignalInput& in) { in.reporter_id = victim; },
       "reporter_id: the person's role is not reporter", ""},
  };
  for (const Bad& c : cases) {
    DYNAMIC_SECTION(c.what) {
      SignalInput in = synthetic::labour_signal();
      c.spoil(in);
      UnitOfWork uow = test::begin_unit(v);
      std::int64_t keys = tv.count_rows("subject_keys");
      Result<std::string> id = add_signal(uow, in);
      CHECK(code_of(id) == Code::kInvalidInput);
      CHECK(id.status().message() == c.message);
      if (!c.secret.empty()) CHECK(id.status().message().find(c.secret) == std::string::npos);
      CHECK(tv.count_rows("signals") == 0);
      CHECK(tv.count_rows("signal_codes") == 0);
      CHECK(tv.count_rows("subject_keys") == keys);
      CHECK(uow.events().empty());
    }
  }
}

TEST_CASE("a signal naming an unknown person is refused and writes nothing", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string ioana = synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  std::string daan = synthetic::add_person(v, PersonRole::kReporter, synthetic::kDaan);
  MK_REQUIRE_OK(add_one(v, synthetic::labour_signal()));

  SignalInput in = synthetic::labour_signal();
  SECTION("among the persons") {
    in.reporter_id = daan;
    in.person_ids = {ioana, "P-7K3M9Q2X"};
  }
  SECTION("as the reporter") {
    in.reporter_id = "P-7K3M9Q2X";
    in.person_ids = {ioana};
  }
  UnitOfWork uow = test::begin_unit(v);
  const char* tables[] = {"signals", "signal_codes", "signal_persons", "subject_keys"};
  std::vector<std::int64_t> before;
  for (const char* t : tables) {
    before.push_back(tv.count_rows(t));
  }
  Result<std::string> id = add_signal(uow, in);
  CHECK(code_of(id) == Code::kNotFound);
  CHECK(id.status().message().find("P-7K3M9Q2X") != std::string::npos);
  for (std::size_t i = 0; i < std::size(tables); ++i) {
    INFO(tables[i]);
    CHECK(tv.count_rows(tables[i]) == before[i]);
  }
  CHECK(uow.events().empty());
}

TEST_CASE("an anonymous signal never keeps a reporter", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string daan = synthetic::add_person(v, PersonRole::kReporter, synthetic::kDaan);
  SignalInput in = synthetic::labour_signal();
  in.source_kind = SourceKind::kResident;
  in.reporter_id = daan;
  Result<std::string> id = add_one(v, in);
  MK_REQUIRE_OK(id);

  SignalPatch to_anonymous;
  to_anonymous.source_kind = SourceKind::kAnonymous;
  Status refused = update_one(v, *id, to_anonymous);
  CHECK(code_of(refused) == Code::kInvalidInput);
  CHECK(refused.message() == "reporter_id: an anonymous signal has no reporter");
  CHECK(summary_of(v, *id)->reporter_id == daan);

  SignalPatch both;
  both.reporter_id = daan;
  both.clear_reporter = true;
  CHECK(code_of(update_one(v, *id, both)) == Code::kInvalidInput);

  to_anonymous.clear_reporter = true;
  MK_REQUIRE_OK(update_one(v, *id, to_anonymous));
  Result<SignalSummary> after = summary_of(v, *id);
  MK_REQUIRE_OK(after);
  CHECK(after->source_kind == SourceKind::kAnonymous);
  CHECK_FALSE(after->reporter_id.has_value());

  SignalPatch add_reporter;
  add_reporter.reporter_id = daan;
  CHECK(code_of(update_one(v, *id, add_reporter)) == Code::kInvalidInput);
}

TEST_CASE("updating a signal changes what the patch names and nothing else", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string ioana = synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  std::string mehmet = synthetic::add_person(v, PersonRole::kSuspect, synthetic::kMehmet);
  SignalInput in = synthetic::labour_signal();
  in.person_ids = {ioana};
  Result<std::string> id = add_one(v, in);
  MK_REQUIRE_OK(id);
  tv.clock().advance(std::chrono::hours(26));

  SignalPatch patch;
  patch.narrative = "Aanvulling na huisbezoek: zeven bewoners, één minderjarig.";
  patch.minor = MinorInvolved::kYes;
  patch.severity = Severity::kAcute;
  patch.forms = std::vector<std::string>{"labour", "criminal"};
  patch.add_person_ids = {mehmet, ioana, mehmet};
  patch.status = SignalStatus::kInAssessment;
  UnitOfWork uow = test::begin_unit(v);
  MK_REQUIRE_OK(update_signal(uow, *id, patch));
  AuditEvent event = test::recorded(uow, "signal.update");
  CHECK(event.object == *id);
  CHECK(event.detail ==
        "fields=narrative,severity,minor,forms,person_ids,status status=in_assessment");
  MK_REQUIRE_OK(uow.commit());

  Result<Signal> s = read_one(v, *id);
  MK_REQUIRE_OK(s);
  CHECK(s->narrative == "Aanvulling na huisbezoek: zeven bewoners, één minderjarig.");
  CHECK(s->nature == std::string(synthetic::kLabourNature));
  CHECK(s->summary.minor == MinorInvolved::kYes);
  CHECK(s->summary.severity == Severity::kAcute);
  CHECK(s->summary.scale == Scale::kMultiple);
  CHECK(s->summary.forms == std::vector<std::string>{"criminal", "labour"});
  CHECK(s->summary.indicators == sorted(in.indicators));
  CHECK(s->summary.person_ids == sorted({ioana, mehmet}));
  CHECK(s->summary.status == SignalStatus::kInAssessment);
  CHECK(s->summary.source_team == "Wijkteam Oost");
  CHECK(s->summary.created == test::test_now());
  CHECK(s->summary.updated == test::test_now() + std::chrono::hours(26));

  SignalPatch clear_codes;
  clear_codes.indicators = std::vector<std::string>{};
  MK_REQUIRE_OK(update_one(v, *id, clear_codes));
  CHECK(summary_of(v, *id)->indicators.empty());
}

TEST_CASE("an update that cannot apply is refused", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  Result<std::string> id = add_one(v, synthetic::labour_signal());
  MK_REQUIRE_OK(id);

  SECTION("an empty patch") {
    Status s = update_one(v, *id, SignalPatch{});
    CHECK(code_of(s) == Code::kInvalidInput);
    CHECK(s.message() == "nothing to change");
  }
  SECTION("closing through a patch") {
    SignalPatch p;
    p.status = SignalStatus::kClosed;
    CHECK(code_of(update_one(v, *id, p)) == Code::kInvalidInput);
    CHECK(summary_of(v, *id)->status == SignalStatus::kNew);
  }
  SECTION("a bad value among good ones changes nothing") {
    SignalPatch p;
    p.severity = Severity::kLow;
    p.narrative = "";
    CHECK(code_of(update_one(v, *id, p)) == Code::kInvalidInput);
    CHECK(summary_of(v, *id)->severity == Severity::kHigh);
  }
  SECTION("a closed signal") {
    MK_REQUIRE_OK(close_one(v, *id, SignalOutcome::kReferred, Date(2026, 2, 20)));
    SignalPatch p;
    p.severity = Severity::kLow;
    CHECK(code_of(update_one(v, *id, p)) == Code::kConflict);
  }
  SECTION("an unknown signal") {
    SignalPatch p;
    p.severity = Severity::kLow;
    CHECK(code_of(update_one(v, "S-7K3M9Q2X", p)) == Code::kNotFound);
  }
}

TEST_CASE("closing a signal records outcome and date once", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  Result<std::string> id = add_one(v, synthetic::labour_signal());  // received 2026-02-16
  MK_REQUIRE_OK(id);

  SECTION("a valid close") {
    UnitOfWork uow = test::begin_unit(v);
    MK_REQUIRE_OK(close_signal(uow, *id, SignalOutcome::kReferred, Date(2026, 2, 16)));
    CHECK(test::recorded(uow, "signal.close").detail == "outcome=referred");
    MK_REQUIRE_OK(uow.commit());
    Result<SignalSummary> s = summary_of(v, *id);
    MK_REQUIRE_OK(s);
    CHECK(s->status == SignalStatus::kClosed);
    CHECK(s->outcome == SignalOutcome::kReferred);
    CHECK(s->closed == Date(2026, 2, 16));

    Status again = close_one(v, *id, SignalOutcome::kNoSuspicion, Date(2026, 3, 1));
    CHECK(code_of(again) == Code::kConflict);
    CHECK(summary_of(v, *id)->outcome == SignalOutcome::kReferred);
  }
  SECTION("before it was received") {
    Status s = close_one(v, *id, SignalOutcome::kNoSuspicion, Date(2026, 2, 15));
    CHECK(code_of(s) == Code::kInvalidInput);
    CHECK(s.message() == "closed: lies before the received date");
    CHECK(summary_of(v, *id)->status == SignalStatus::kNew);
  }
  SECTION("in the future") {
    Status s = close_one(v, *id, SignalOutcome::kNoSuspicion, Date(2026, 3, 3));
    CHECK(code_of(s) == Code::kInvalidInput);
    CHECK(s.message() == "closed: lies in the future");
  }
}

TEST_CASE("list_signals filters by status, form and received dates, newest first",
          "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  SignalInput labour = synthetic::labour_signal();  // 2026-02-16, labour
  Result<std::string> a = add_one(v, labour);
  Result<std::string> b = add_one(v, synthetic::anonymous_tip(Date(2025, 12, 31)));  // sexual
  SignalInput criminal = synthetic::labour_signal();
  criminal.received = Date(2026, 1, 1);
  criminal.forms = {"criminal", "labour"};
  Result<std::string> c = add_one(v, criminal);
  Result<std::string> d = add_one(v, synthetic::anonymous_tip(Date(2026, 3, 2)));  // today
  MK_REQUIRE_OK(a);
  MK_REQUIRE_OK(b);
  MK_REQUIRE_OK(c);
  MK_REQUIRE_OK(d);
  MK_REQUIRE_OK(close_one(v, *c, SignalOutcome::kCaseOpened, Date(2026, 1, 20)));
  SignalPatch assess;
  assess.status = SignalStatus::kInAssessment;
  MK_REQUIRE_OK(update_one(v, *a, assess));

  using Ids = std::vector<std::string>;
  CHECK(ids_of(*list_of(v)) == Ids{*d, *a, *c, *b});

  SignalFilter f;
  SECTION("by status") {
    f.status = SignalStatus::kNew;
    CHECK(ids_of(*list_of(v, f)) == Ids{*d, *b});
    f.status = SignalStatus::kClosed;
    Result<std::vector<SignalSummary>> closed = list_of(v, f);
    MK_REQUIRE_OK(closed);
    REQUIRE(closed->size() == 1);
    CHECK(closed->front().id == *c);
    CHECK(closed->front().outcome == SignalOutcome::kCaseOpened);
  }
  SECTION("by form") {
    f.form = "labour";
    CHECK(ids_of(*list_of(v, f)) == Ids{*a, *c});
    f.form = "organ_removal";
    CHECK(list_of(v, f)->empty());
  }
  SECTION("by received dates, both ends inclusive") {
    f.received_from = Date(2025, 12, 31);
    f.received_to = Date(2026, 2, 16);
    CHECK(ids_of(*list_of(v, f)) == Ids{*a, *c, *b});
    f.received_from = Date(2026, 1, 2);
    CHECK(ids_of(*list_of(v, f)) == Ids{*a});
  }
  SECTION("combined") {
    f.form = "labour";
    f.status = SignalStatus::kInAssessment;
    f.received_to = Date(2026, 2, 16);
    CHECK(ids_of(*list_of(v, f)) == Ids{*a});
    f.received_to = Date(2026, 2, 15);
    CHECK(list_of(v, f)->empty());
  }
  SECTION("bad filters") {
    f.form = "labour' OR 1=1 --";
    CHECK(code_of(list_of(v, f)) == Code::kInvalidInput);
    f.form.reset();
    f.received_from = Date(2026, 2, 1);
    f.received_to = Date(2026, 1, 1);
    CHECK(code_of(list_of(v, f)) == Code::kInvalidInput);
  }
}

TEST_CASE("a signal lists the cases it belongs to", "[vault][signal][case]") {
  TestVault tv;
  Vault& v = tv.vault();
  Result<std::string> id = add_one(v, synthetic::labour_signal());
  MK_REQUIRE_OK(id);
  CaseInput in;
  in.opened = Date(2026, 2, 20);
  in.signal_ids = {*id};
  Result<std::string> case_id = in_unit(v, [&](UnitOfWork& uow) { return open_case(uow, in); });
  MK_REQUIRE_OK(case_id);
  CHECK(summary_of(v, *id)->case_ids == std::vector<std::string>{*case_id});
  CHECK(list_of(v)->front().case_ids == std::vector<std::string>{*case_id});
}

TEST_CASE("a malformed or unknown signal id is refused before any query", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  for (std::string bad : {"", "S-", "s-7k3m9q2x", "P-7K3M9Q2X", "S-7K3M9Q2I", "S-7K3M9Q2X'--"}) {
    INFO(bad);
    CHECK(code_of(summary_of(v, bad)) == Code::kInvalidInput);
    CHECK(code_of(read_one(v, bad)) == Code::kInvalidInput);
  }
  CHECK(code_of(summary_of(v, "S-7K3M9Q2X")) == Code::kNotFound);
  CHECK(code_of(read_one(v, "S-7K3M9Q2X")) == Code::kNotFound);
  CHECK(code_of(close_one(v, "S-7K3M9Q2X", SignalOutcome::kOther, Date(2026, 3, 1))) ==
        Code::kNotFound);
}

TEST_CASE("a narrative copied into another signal's row fails to decrypt", "[vault][signal]") {
  TestVault tv;
  Vault& v = tv.vault();
  Result<std::string> first = add_one(v, synthetic::labour_signal());
  Result<std::string> second = add_one(v, synthetic::anonymous_tip(Date(2026, 1, 12)));
  MK_REQUIRE_OK(first);
  MK_REQUIRE_OK(second);

  auto copy = [&](const char* sql) {
    Result<Statement> st = v.db().prepare(sql);
    MK_REQUIRE_OK(st);
    st->bind(1, *first).bind(2, *second);
    MK_REQUIRE_OK(st->run());
    REQUIRE(v.db().changes() == 1);
  };
  SECTION("into the same column of another row") {
    copy(
        "UPDATE signals SET narrative = (SELECT narrative FROM signals WHERE id = ?1) "
        "WHERE id = ?2");
  }
  SECTION("into another column of another row") {
    copy("UPDATE signals SET nature = (SELECT narrative FROM signals WHERE id = ?1) WHERE id = ?2");
  }
  Result<Signal> s = read_one(v, *second);
  CHECK(code_of(s) == Code::kVaultCorrupt);
  CHECK(s.status().message().find("Herenstraat") == std::string::npos);
  MK_CHECK_OK(read_one(v, *first));
}

TEST_CASE("the compliance role lists signals but cannot read or write them",
          "[vault][signal][role]") {
  TestVault tv;
  std::string daan = synthetic::add_person(tv.vault(), PersonRole::kReporter, synthetic::kDaan);
  SignalInput in = synthetic::labour_signal();
  in.reporter_id = daan;
  Result<std::string> id = add_one(tv.vault(), in);
  MK_REQUIRE_OK(id);
  tv.reopen_as_compliance();
  Vault& v = tv.vault();

  Result<std::vector<SignalSummary>> all = list_of(v);
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  CHECK(all->front().id == *id);
  CHECK(all->front().has_narrative);
  CHECK(all->front().forms == std::vector<std::string>{"labour"});
  MK_CHECK_OK(summary_of(v, *id));

  CHECK(code_of(read_one(v, *id)) == Code::kForbidden);
  CHECK(code_of(add_one(v, synthetic::anonymous_tip(Date(2026, 3, 1)))) == Code::kForbidden);
  SignalPatch p;
  p.status = SignalStatus::kInAssessment;
  CHECK(code_of(update_one(v, *id, p)) == Code::kForbidden);
  CHECK(code_of(close_one(v, *id, SignalOutcome::kNoSuspicion, Date(2026, 3, 1))) ==
        Code::kForbidden);
  CHECK(summary_of(v, *id)->status == SignalStatus::kNew);
  CHECK(tv.count_rows("signals") == 1);
}

TEST_CASE("signal enum names are stable and parse back", "[vault][signal]") {
  CHECK(enum_name(SourceKind::kInternalTeam) == "internal_team");
  CHECK(enum_name(SignalStatus::kInAssessment) == "in_assessment");
  CHECK(enum_name(SignalOutcome::kInsufficientInformation) == "insufficient_information");
  CHECK(enum_name(Scale::kOrganised) == "organised");
  CHECK(enum_name(Severity::kAcute) == "acute");
  CHECK(enum_name(MinorInvolved::kUnknown) == "unknown");
  for (SourceKind k : {SourceKind::kInternalTeam, SourceKind::kPartner, SourceKind::kResident,
                       SourceKind::kAnonymous}) {
    CHECK(parse_source_kind(enum_name(k)) == k);
  }
  for (MinorInvolved m : {MinorInvolved::kYes, MinorInvolved::kNo, MinorInvolved::kUnknown}) {
    CHECK(parse_minor_involved(enum_name(m)) == m);
  }
  for (Scale s : {Scale::kSingle, Scale::kMultiple, Scale::kOrganised}) {
    CHECK(parse_scale(enum_name(s)) == s);
  }
  for (Severity s : {Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kAcute}) {
    CHECK(parse_severity(enum_name(s)) == s);
  }
  for (SignalStatus s : {SignalStatus::kNew, SignalStatus::kInAssessment, SignalStatus::kClosed}) {
    CHECK(parse_signal_status(enum_name(s)) == s);
  }
  for (SignalOutcome o :
       {SignalOutcome::kNoSuspicion, SignalOutcome::kInsufficientInformation,
        SignalOutcome::kReferred, SignalOutcome::kCaseOpened, SignalOutcome::kOther}) {
    CHECK(parse_signal_outcome(enum_name(o)) == o);
  }
  CHECK_FALSE(parse_source_kind("Anonymous").has_value());
  CHECK_FALSE(parse_signal_status("").has_value());
  CHECK_FALSE(parse_scale("organized").has_value());
  CHECK_FALSE(parse_signal_outcome("referred ").has_value());
}

}  // namespace mk::vault
