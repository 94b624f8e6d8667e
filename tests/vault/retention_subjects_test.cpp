// What retention decides on: the subjects (unlinked signals, cases, persons), their dates, a
// person's closure through their links, and the holds that block them.
#include "vault/retention_subjects.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "test_vault_fixture.hpp"
#include "vault/case_store.hpp"
#include "vault/legal_hold.hpp"
#include "vault/signal_store.hpp"

namespace mk::vault {
namespace {

using test::in_unit;
using test::TestVault;
using Ids = std::vector<std::string>;
namespace synthetic = test::synthetic;

std::vector<RetentionSubject> subjects_of(Vault& v) {
  Result<std::vector<RetentionSubject>> all =
      in_unit(v, [](UnitOfWork& uow) { return list_retention_subjects(uow); });
  MK_REQUIRE_OK(all);
  return std::move(*all);
}

const RetentionSubject& subject(const std::vector<RetentionSubject>& all, const std::string& id) {
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.id == id; });
  REQUIRE(it != all.end());
  return *it;
}

bool listed(const std::vector<RetentionSubject>& all, const std::string& id) {
  return std::any_of(all.begin(), all.end(), [&](const auto& s) { return s.id == id; });
}

std::string add_signal_to(Vault& v, SignalInput in, std::optional<Date> closed = std::nullopt,
                          SignalOutcome outcome = SignalOutcome::kCaseOpened) {
  Result<std::string> id = in_unit(v, [&](UnitOfWork& uow) -> Result<std::string> {
    MK_ASSIGN_OR_RETURN(std::string added, add_signal(uow, in));
    if (closed) MK_RETURN_IF_ERROR(close_signal(uow, added, outcome, *closed));
    return added;
  });
  MK_REQUIRE_OK(id);
  return *id;
}

std::string open_case_on(Vault& v, Date opened, Ids signals, Ids persons) {
  Result<std::string> id = in_unit(v, [&](UnitOfWork& uow) {
    CaseInput in;
    in.opened = opened;
    in.signal_ids = std::move(signals);
    in.person_ids = std::move(persons);
    return open_case(uow, in);
  });
  MK_REQUIRE_OK(id);
  return *id;
}

Status close_on(Vault& v, const std::string& id, Date closed) {
  return in_unit(v, [&](UnitOfWork& uow) {
    return close_case(uow, id, CaseStatus::kClosed, closed, std::nullopt);
  });
}

SignalInput labour_on(Date received, Ids persons = {}) {
  SignalInput in = synthetic::labour_signal();
  in.received = received;
  in.person_ids = std::move(persons);
  return in;
}

}  // namespace

TEST_CASE("subjects are unlinked signals, then cases, then persons, by id, with their dates") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string victim = synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  std::string other = synthetic::add_person(v, PersonRole::kOther, synthetic::kDaan);
  std::string tip = add_signal_to(v, synthetic::anonymous_tip(Date(2026, 1, 5)));
  std::string dismissed = add_signal_to(v, labour_on(Date(2026, 1, 10)), Date(2026, 1, 15),
                                        SignalOutcome::kNoSuspicion);
  std::string in_case = add_signal_to(v, labour_on(Date(2026, 1, 28), {victim}));
  std::string case_id = open_case_on(v, Date(2026, 2, 1), {in_case}, {victim});
  // Three days later someone corrects the other person's phone number.
  tv.clock().advance(std::chrono::hours(24 * 3));
  MK_REQUIRE_OK(in_unit(v, [&](UnitOfWork& uow) {
    PersonPatch patch;
    patch.fields.push_back({PersonField::kPhone, std::string("070 390 1133")});
    return update_person(uow, other, patch);
  }));

  std::vector<RetentionSubject> all = subjects_of(v);
  REQUIRE(all.size() == 5);
  CHECK_FALSE(listed(all, in_case));  // it follows its case
  std::vector<std::pair<SubjectKind, std::string>> order;
  for (const RetentionSubject& s : all)
    order.emplace_back(s.kind, s.id);
  std::vector<std::pair<SubjectKind, std::string>> expected = {
      {SubjectKind::kSignal, std::min(tip, dismissed)},
      {SubjectKind::kSignal, std::max(tip, dismissed)},
      {SubjectKind::kCase, case_id},
      {SubjectKind::kPerson, std::min(victim, other)},
      {SubjectKind::kPerson, std::max(victim, other)},
  };
  CHECK(order == expected);

  const RetentionSubject& open_tip = subject(all, tip);
  CHECK(open_tip.received == Date(2026, 1, 5));
  CHECK_FALSE(open_tip.closed.has_value());
  CHECK_FALSE(open_tip.outcome.has_value());
  CHECK_FALSE(open_tip.role.has_value());
  CHECK(open_tip.last_activity == Date(2026, 3, 2));
  const RetentionSubject& closed_signal = subject(all, dismissed);
  CHECK(closed_signal.outcome == SignalOutcome::kNoSuspicion);
  CHECK(closed_signal.closed == Date(2026, 1, 15));
  const RetentionSubject& the_case = subject(all, case_id);
  CHECK(the_case.received == Date(2026, 2, 1));
  CHECK_FALSE(the_case.closed.has_value());
  CHECK_FALSE(the_case.outcome.has_value());
  const RetentionSubject& v_subject = subject(all, victim);
  CHECK(v_subject.role == PersonRole::kVictim);
  CHECK(v_subject.received == Date(2026, 3, 2));
  CHECK_FALSE(v_subject.closed.has_value());  // its signal and case are open
  const RetentionSubject& o_subject = subject(all, other);
  CHECK(o_subject.role == PersonRole::kOther);
  CHECK(o_subject.received == Date(2026, 3, 2));
  CHECK(o_subject.last_activity == Date(2026, 3, 5));
  CHECK(o_subject.closed == Date(2026, 3, 5));  // linked to nothing: its last change
  for (const RetentionSubject& s : all) {
    CHECK(s.held_by.empty());
    CHECK(s.disclosed_to.empty());
    CHECK(enum_name(s.kind) == (s.kind == SubjectKind::kSignal ? "signal"
                                : s.kind == SubjectKind::kCase ? "case"
                                                               : "person"));
  }

  // Metadata only: the compliance role sees the same list.
  tv.reopen_as_compliance();
  std::vector<RetentionSubject> seen = subjects_of(tv.vault());
  REQUIRE(seen.size() == all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(seen[i].id == all[i].id);
    CHECK(seen[i].closed == all[i].closed);
    CHECK(seen[i].last_activity == all[i].last_activity);
  }
}

TEST_CASE("a person closes with the latest of their signals and cases, and not while one is open") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string reporter = synthetic::add_person(v, PersonRole::kReporter, synthetic::kDaan);
  std::string victim = synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  std::string witness = synthetic::add_person(v, PersonRole::kOther, synthetic::kAnouk);
  std::string suspect = synthetic::add_person(v, PersonRole::kSuspect, synthetic::kPiotr);
  SignalInput reported = labour_on(Date(2026, 1, 8), {victim});
  reported.reporter_id = reporter;
  add_signal_to(v, reported, Date(2026, 1, 20), SignalOutcome::kReferred);
  // The witness is named in a signal that became a case; they are not in the case themselves.
  std::string seen = add_signal_to(v, labour_on(Date(2026, 2, 2), {witness}), Date(2026, 2, 4));
  std::string case_id = open_case_on(v, Date(2026, 2, 4), {seen}, {victim, suspect});

  std::vector<RetentionSubject> all = subjects_of(v);
  CHECK(subject(all, reporter).closed == Date(2026, 1, 20));  // a signal they reported
  CHECK_FALSE(subject(all, victim).closed.has_value());       // the case is open
  CHECK_FALSE(subject(all, witness).closed.has_value());      // the case of their signal is open
  CHECK_FALSE(subject(all, suspect).closed.has_value());

  MK_REQUIRE_OK(close_on(v, case_id, Date(2026, 2, 26)));
  all = subjects_of(v);
  CHECK(subject(all, reporter).closed == Date(2026, 1, 20));
  CHECK(subject(all, victim).closed == Date(2026, 2, 26));  // later than the signal (20-01)
  CHECK(subject(all, witness).closed == Date(2026, 2, 26));
  CHECK(subject(all, suspect).closed == Date(2026, 2, 26));
  CHECK(subject(all, case_id).closed == Date(2026, 2, 26));

  // A new open signal about the victim opens them again.
  add_signal_to(v, labour_on(Date(2026, 3, 1), {victim}));
  all = subjects_of(v);
  CHECK_FALSE(subject(all, victim).closed.has_value());
  CHECK(subject(all, suspect).closed == Date(2026, 2, 26));
}

TEST_CASE("a hold in force marks its case and the persons linked to it, directly or by signal") {
  TestVault tv;
  Vault& v = tv.vault();
  std::string reporter = synthetic::add_person(v, PersonRole::kReporter, synthetic::kDaan);
  std::string victim = synthetic::add_person(v, PersonRole::kVictim, synthetic::kIoana);
  std::string bystander = synthetic::add_person(v, PersonRole::kOther, synthetic::kMehmet);
  SignalInput in = labour_on(Date(2026, 2, 2), {victim});
  in.reporter_id = reporter;
  std::string signal = add_signal_to(v, in);
  std::string held = open_case_on(v, Date(2026, 2, 4), {signal}, {});
  std::string free = open_case_on(v, Date(2026, 2, 5), {}, {bystander});
  MK_REQUIRE_OK(in_unit(v, [&](UnitOfWork& uow) {
    return place_hold(uow, held, "Strafrechtelijk onderzoek, verzoek OM 2026-02");
  }));

  std::vector<RetentionSubject> all = subjects_of(v);
  CHECK(subject(all, held).held_by == Ids{held});
  CHECK(subject(all, victim).held_by == Ids{held});    // through the signal
  CHECK(subject(all, reporter).held_by == Ids{held});  // reported the signal
  CHECK(subject(all, free).held_by.empty());
  CHECK(subject(all, bystander).held_by.empty());

  MK_REQUIRE_OK(in_unit(v, [&](UnitOfWork& uow) { return release_hold(uow, held); }));
  for (const RetentionSubject& s : subjects_of(v)) {
    INFO(s.id);
    CHECK(s.held_by.empty());
  }
}

}  // namespace mk::vault
