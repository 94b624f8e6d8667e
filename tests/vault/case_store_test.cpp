// Cases: opening, linking, follow-up, closing, and what the compliance role may see.
#include "vault/case_store.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "test_vault_fixture.hpp"
#include "vault/field_rules.hpp"
#include "vault/signal_store.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::in_unit;
using test::TestVault;
using Ids = std::vector<std::string>;
namespace synthetic = test::synthetic;

Result<std::string> open_one(Vault& v, const CaseInput& in) {
  return in_unit(v, [&](UnitOfWork& uow) { return open_case(uow, in); });
}

Result<Case> read_one(Vault& v, const std::string& id) {
  return in_unit(v, [&](UnitOfWork& uow) { return read_case(uow, id); });
}

Result<CaseSummary> summary_of(Vault& v, const std::string& id) {
  return in_unit(v, [&](UnitOfWork& uow) { return get_case_summary(uow, id); });
}

Status link_one(Vault& v, const std::string& id, const Ids& signals, const Ids& persons) {
  return in_unit(v, [&](UnitOfWork& uow) { return link_case(uow, id, signals, persons); });
}

Status set_status(Vault& v, const std::string& id, CaseStatus status) {
  return in_unit(v, [&](UnitOfWork& uow) { return set_case_status(uow, id, status); });
}

Status close_one(Vault& v, const std::string& id, CaseStatus status, Date closed,
                 std::optional<std::string> note = std::nullopt) {
  return in_unit(v, [&](UnitOfWork& uow) { return close_case(uow, id, status, closed, note); });
}

std::string add_signal_received(Vault& v, Date received) {
  SignalInput in = synthetic::labour_signal();
  in.received = received;
  Result<std::string> id = in_unit(v, [&](UnitOfWork& uow) { return add_signal(uow, in); });
  MK_REQUIRE_OK(id);
  return *id;
}

Ids sorted(Ids v) {
  std::sort(v.begin(), v.end());
  return v;
}

// A vault with two signals and two persons, the usual material of a case.
struct CaseMaterial {
  CaseMaterial()
      : first_signal(add_signal_received(tv.vault(), Date(2026, 1, 8))),
        second_signal(add_signal_received(tv.vault(), Date(2026, 2, 16))),
        victim(synthetic::add_person(tv.vault(), PersonRole::kVictim, synthetic::kIoana)),
        suspect(synthetic::add_person(tv.vault(), PersonRole::kSuspect, synthetic::kPiotr)) {}

  CaseInput input() const {
    CaseInput in;
    in.opened = Date(2026, 2, 17);
    in.summary =
        "Casus arbeidsuitbuiting kassen Westland: twee meldingen over dezelfde bovenwoning.\n"
        "Slachtoffer verblijft sinds 19-02 in de opvang van CoMensha.";
    in.signal_ids = {second_signal, first_signal};
    in.person_ids = {victim};
    return in;
  }

  TestVault tv;
  Vault& v = tv.vault();
  std::string first_signal;
  std::string second_signal;
  std::string victim;
  std::string suspect;
};

}  // namespace

TEST_CASE("a case keeps every field it was given", "[vault][case]") {
  CaseMaterial m;
  CaseInput in = m.input();
  UnitOfWork uow = test::begin_unit(m.v);
  Result<std::string> id = open_case(uow, in);
  MK_REQUIRE_OK(id);
  AuditEvent opened = test::recorded(uow, "case.open");
  CHECK(opened.object == *id);
  CHECK(opened.detail == "signals=" + m.second_signal + "," + m.first_signal +
                             " persons=" + m.victim + " fields=summary");
  MK_REQUIRE_OK(uow.commit());

  UnitOfWork reading = test::begin_unit(m.v);
  Result<Case> c = read_case(reading, *id);
  MK_REQUIRE_OK(c);
  CHECK(test::recorded(reading, "case.read").detail == "fields=summary");
  CHECK(id->rfind("C-", 0) == 0);
  CHECK(c->summary.id == *id);
  CHECK(c->summary.status == CaseStatus::kActive);
  CHECK(c->summary.opened == Date(2026, 2, 17));
  CHECK_FALSE(c->summary.closed.has_value());
  CHECK(c->summary.signal_ids == sorted({m.first_signal, m.second_signal}));
  CHECK(c->summary.person_ids == Ids{m.victim});
  CHECK(c->summary.has_summary);
  CHECK_FALSE(c->summary.has_closure_note);
  CHECK(c->summary.created == test::test_now());
  CHECK(c->summary.updated == test::test_now());
  CHECK(c->summary_text == in.summary);
  CHECK_FALSE(c->closure_note.has_value());

  Result<std::vector<CaseSummary>> all = list_cases(reading);
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  CHECK(all->front().signal_ids == c->summary.signal_ids);
  Result<SignalSummary> signal = get_signal_summary(reading, m.first_signal);
  MK_REQUIRE_OK(signal);
  CHECK(signal->case_ids == Ids{*id});
}

TEST_CASE("the case summary is stored only as ciphertext", "[vault][case]") {
  CaseMaterial m;
  Result<std::string> id = open_one(m.v, m.input());
  MK_REQUIRE_OK(id);
  MK_REQUIRE_OK(close_one(m.v, *id, CaseStatus::kClosedReferred, Date(2026, 2, 27),
                          "Overgedragen aan AVIM; aangifte opgenomen op 26-02."));
  Result<Statement> st = m.v.db().prepare("SELECT summary, closure_note FROM cases WHERE id = ?1");
  MK_REQUIRE_OK(st);
  st->bind(1, *id);
  Result<bool> row = st->step();
  REQUIRE((row && *row));
  for (int column : {0, 1}) {
    Bytes stored = st->column_blob(column);
    std::string_view text(reinterpret_cast<const char*>(stored.data()), stored.size());
    REQUIRE(stored.size() > 40);
    CHECK(text.find("Westland") == std::string_view::npos);
    CHECK(text.find("AVIM") == std::string_view::npos);
  }
}

TEST_CASE("opening a case with bad input is refused and writes nothing", "[vault][case]") {
  CaseMaterial m;
  CaseInput in = m.input();
  Code expected = Code::kInvalidInput;
  std::string message;
  SECTION("no signal and no person") {
    in.signal_ids.clear();
    in.person_ids.clear();
    message = "signal_ids, person_ids: name at least one signal or person";
  }
  SECTION("opened tomorrow") {
    in.opened = Date(2026, 3, 3);
    message = "opened: lies in the future";
  }
  SECTION("a blank summary") {
    in.summary = "\n  ";
    message = "summary: is empty";
  }
  SECTION("a summary too long") {
    in.summary = std::string(kMaxNarrativeChars + 1, 'c');
    message = "summary: is longer than 20000 characters";
  }
  SECTION("a person id where a signal id belongs") {
    in.signal_ids.push_back(m.victim);
    message = "signal_ids: not a signal id (expected S-XXXXXXXX)";
  }
  SECTION("an unknown signal") {
    in.signal_ids.push_back("S-7K3M9Q2X");
    expected = Code::kNotFound;
    message = "signal_ids: no signal S-7K3M9Q2X";
  }
  SECTION("an unknown person") {
    in.person_ids.push_back("P-7K3M9Q2X");
    expected = Code::kNotFound;
    message = "person_ids: no person P-7K3M9Q2X";
  }
  UnitOfWork uow = test::begin_unit(m.v);
  std::int64_t keys = m.tv.count_rows("subject_keys");
  Result<std::string> id = open_case(uow, in);
  CHECK(code_of(id) == expected);
  CHECK(id.status().message() == message);
  CHECK(m.tv.count_rows("cases") == 0);
  CHECK(m.tv.count_rows("case_signals") == 0);
  CHECK(m.tv.count_rows("case_persons") == 0);
  CHECK(m.tv.count_rows("subject_keys") == keys);
  CHECK(uow.events().empty());
}

TEST_CASE("linking adds signals and persons to an open case once", "[vault][case]") {
  CaseMaterial m;
  CaseInput in = m.input();
  in.signal_ids = {m.first_signal};
  Result<std::string> id = open_one(m.v, in);
  MK_REQUIRE_OK(id);
  m.tv.clock().advance(std::chrono::hours(48));

  UnitOfWork uow = test::begin_unit(m.v);
  MK_REQUIRE_OK(link_case(uow, *id, {m.second_signal, m.first_signal, m.second_signal},
                          {m.suspect, m.victim}));
  CHECK(test::recorded(uow, "case.link").detail ==
        "signals=" + m.second_signal + " persons=" + m.suspect);
  MK_REQUIRE_OK(uow.commit());

  Result<CaseSummary> s = summary_of(m.v, *id);
  MK_REQUIRE_OK(s);
  CHECK(s->signal_ids == sorted({m.first_signal, m.second_signal}));
  CHECK(s->person_ids == sorted({m.victim, m.suspect}));
  CHECK(s->updated == test::test_now() + std::chrono::hours(48));
  CHECK(m.tv.count_rows("case_signals") == 2);

  CHECK(code_of(link_one(m.v, *id, {}, {})) == Code::kInvalidInput);
  CHECK(code_of(link_one(m.v, *id, {"S-7K3M9Q2X"}, {})) == Code::kNotFound);
  CHECK(code_of(link_one(m.v, "C-7K3M9Q2X", {m.first_signal}, {})) == Code::kNotFound);
  CHECK(code_of(link_one(m.v, "case 12", {m.first_signal}, {})) == Code::kInvalidInput);
}

TEST_CASE("a case moves between active and follow-up while open", "[vault][case]") {
  CaseMaterial m;
  Result<std::string> id = open_one(m.v, m.input());
  MK_REQUIRE_OK(id);

  UnitOfWork uow = test::begin_unit(m.v);
  MK_REQUIRE_OK(set_case_status(uow, *id, CaseStatus::kFollowUp));
  CHECK(test::recorded(uow, "case.status").detail == "status=follow_up");
  MK_REQUIRE_OK(uow.commit());
  CHECK(summary_of(m.v, *id)->status == CaseStatus::kFollowUp);
  MK_REQUIRE_OK(set_status(m.v, *id, CaseStatus::kActive));
  CHECK(summary_of(m.v, *id)->status == CaseStatus::kActive);

  Status closing = set_status(m.v, *id, CaseStatus::kClosed);
  CHECK(code_of(closing) == Code::kInvalidInput);
  CHECK(summary_of(m.v, *id)->status == CaseStatus::kActive);

  MK_REQUIRE_OK(close_one(m.v, *id, CaseStatus::kClosed, Date(2026, 3, 1)));
  CHECK(code_of(set_status(m.v, *id, CaseStatus::kFollowUp)) == Code::kConflict);
  CHECK(code_of(link_one(m.v, *id, {}, {m.suspect})) == Code::kConflict);
}

TEST_CASE("closing a case records status, date and note once", "[vault][case]") {
  CaseMaterial m;
  Result<std::string> id = open_one(m.v, m.input());  // opened 2026-02-17
  MK_REQUIRE_OK(id);

  SECTION("closed with a note") {
    std::string note = "Slachtoffer veilig gehuisvest via SHOP; geen verdere actie gemeente.";
    UnitOfWork uow = test::begin_unit(m.v);
    MK_REQUIRE_OK(close_case(uow, *id, CaseStatus::kClosed, Date(2026, 2, 17), note));
    CHECK(test::recorded(uow, "case.close").detail == "status=closed fields=closure_note");
    MK_REQUIRE_OK(uow.commit());
    Result<Case> c = read_one(m.v, *id);
    MK_REQUIRE_OK(c);
    CHECK(c->summary.status == CaseStatus::kClosed);
    CHECK(c->summary.closed == Date(2026, 2, 17));
    CHECK(c->summary.has_closure_note);
    CHECK(c->closure_note == note);
    CHECK(c->summary_text == m.input().summary);

    Status again = close_one(m.v, *id, CaseStatus::kClosedReferred, Date(2026, 3, 1));
    CHECK(code_of(again) == Code::kConflict);
    CHECK(summary_of(m.v, *id)->status == CaseStatus::kClosed);
  }
  SECTION("referred, without a note") {
    MK_REQUIRE_OK(close_one(m.v, *id, CaseStatus::kClosedReferred, Date(2026, 3, 2)));
    Result<Case> c = read_one(m.v, *id);
    MK_REQUIRE_OK(c);
    CHECK(c->summary.status == CaseStatus::kClosedReferred);
    CHECK_FALSE(c->closure_note.has_value());
  }
  SECTION("before it was opened") {
    Status s = close_one(m.v, *id, CaseStatus::kClosed, Date(2026, 2, 16));
    CHECK(code_of(s) == Code::kInvalidInput);
    CHECK(s.message() == "closed: lies before the opening date");
    CHECK(summary_of(m.v, *id)->status == CaseStatus::kActive);
  }
  SECTION("in the future") {
    CHECK(code_of(close_one(m.v, *id, CaseStatus::kClosed, Date(2026, 3, 3))) ==
          Code::kInvalidInput);
  }
  SECTION("with a status that does not close") {
    CHECK(code_of(close_one(m.v, *id, CaseStatus::kFollowUp, Date(2026, 3, 1))) ==
          Code::kInvalidInput);
  }
  SECTION("with a note that is too long") {
    Status s = close_one(m.v, *id, CaseStatus::kClosed, Date(2026, 3, 1),
                         std::string(kMaxClosureNoteChars + 1, 'n'));
    CHECK(code_of(s) == Code::kInvalidInput);
    CHECK(summary_of(m.v, *id)->status == CaseStatus::kActive);
  }
}

TEST_CASE("list_cases shows the newest opened case first", "[vault][case]") {
  CaseMaterial m;
  CaseInput older = m.input();
  older.opened = Date(2025, 11, 4);
  older.summary.reset();
  CaseInput newer = m.input();
  newer.opened = Date(2026, 2, 20);
  Result<std::string> a = open_one(m.v, older);
  Result<std::string> b = open_one(m.v, newer);
  MK_REQUIRE_OK(a);
  MK_REQUIRE_OK(b);
  Result<std::vector<CaseSummary>> all =
      in_unit(m.v, [&](UnitOfWork& uow) { return list_cases(uow); });
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 2);
  CHECK(all->at(0).id == *b);
  CHECK(all->at(1).id == *a);
  CHECK_FALSE(all->at(1).has_summary);
  CHECK(all->at(0).has_summary);
}

TEST_CASE("a case summary copied into another case's row fails to decrypt", "[vault][case]") {
  CaseMaterial m;
  Result<std::string> first = open_one(m.v, m.input());
  CaseInput other = m.input();
  other.summary = "Tweede casus: minderjarige in beeld bij Veilig Thuis.";
  Result<std::string> second = open_one(m.v, other);
  MK_REQUIRE_OK(first);
  MK_REQUIRE_OK(second);

  Result<Statement> st = m.v.db().prepare(
      "UPDATE cases SET summary = (SELECT summary FROM cases WHERE id = ?1) WHERE id = ?2");
  MK_REQUIRE_OK(st);
  st->bind(1, *first).bind(2, *second);
  MK_REQUIRE_OK(st->run());
  REQUIRE(m.v.db().changes() == 1);

  Result<Case> c = read_one(m.v, *second);
  CHECK(code_of(c) == Code::kVaultCorrupt);
  CHECK(c.status().message().find("Westland") == std::string::npos);
  MK_CHECK_OK(read_one(m.v, *first));
}

TEST_CASE("the compliance role lists cases but cannot read or change them", "[vault][case][role]") {
  CaseMaterial m;
  Result<std::string> id = open_one(m.v, m.input());
  MK_REQUIRE_OK(id);
  m.tv.reopen_as_compliance();
  Vault& v = m.tv.vault();

  Result<std::vector<CaseSummary>> all =
      in_unit(v, [&](UnitOfWork& uow) { return list_cases(uow); });
  MK_REQUIRE_OK(all);
  REQUIRE(all->size() == 1);
  CHECK(all->front().id == *id);
  CHECK(all->front().has_summary);
  CHECK(all->front().person_ids == Ids{m.victim});
  MK_CHECK_OK(summary_of(v, *id));

  CHECK(code_of(read_one(v, *id)) == Code::kForbidden);
  CHECK(code_of(open_one(v, m.input())) == Code::kForbidden);
  CHECK(code_of(link_one(v, *id, {}, {m.suspect})) == Code::kForbidden);
  CHECK(code_of(set_status(v, *id, CaseStatus::kFollowUp)) == Code::kForbidden);
  CHECK(code_of(close_one(v, *id, CaseStatus::kClosed, Date(2026, 3, 1))) == Code::kForbidden);
  CHECK(summary_of(v, *id)->status == CaseStatus::kActive);
  CHECK(m.tv.count_rows("cases") == 1);
}

TEST_CASE("case status names are stable and parse back", "[vault][case]") {
  CHECK(enum_name(CaseStatus::kActive) == "active");
  CHECK(enum_name(CaseStatus::kFollowUp) == "follow_up");
  CHECK(enum_name(CaseStatus::kClosed) == "closed");
  CHECK(enum_name(CaseStatus::kClosedReferred) == "closed_referred");
  for (CaseStatus s : {CaseStatus::kActive, CaseStatus::kFollowUp, CaseStatus::kClosed,
                       CaseStatus::kClosedReferred}) {
    CHECK(parse_case_status(enum_name(s)) == s);
  }
  CHECK_FALSE(parse_case_status("FollowUp").has_value());
  CHECK_FALSE(parse_case_status("").has_value());
  CHECK(is_closed(CaseStatus::kClosedReferred));
  CHECK_FALSE(is_closed(CaseStatus::kFollowUp));
}

}  // namespace mk::vault
