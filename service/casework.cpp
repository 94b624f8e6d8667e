#include "service/casework.hpp"

#include "vault/case_store.hpp"
#include "vault/person_store.hpp"
#include "vault/signal_store.hpp"

namespace mk::service {
namespace {

Status check_codes(const Session& s, const std::vector<std::string>& forms,
                   const std::vector<std::string>& indicators) {
  const policies::IndicatorCatalogue& catalogue = s.policies().indicators;
  for (const std::string& f : forms) {
    if (!catalogue.is_known_form(f)) {
      return invalid_input("unknown form code \"" + f + "\" (see: meldkluis indicators list)");
    }
  }
  for (const std::string& i : indicators) {
    if (!catalogue.is_known(i)) {
      return invalid_input("unknown indicator code \"" + i + "\" (see: meldkluis indicators list)");
    }
  }
  return Status::ok();
}

}  // namespace

Date today(Session& s) {
  return Date::from_sys_days(std::chrono::floor<std::chrono::days>(s.vault().clock().now()));
}

Result<std::string> register_signal(Session& s, const vault::SignalInput& input) {
  MK_RETURN_IF_ERROR(check_codes(s, input.forms, input.indicators));
  return s.transact("signal.add",
                    [&](vault::UnitOfWork& uow) { return vault::add_signal(uow, input); });
}

Result<Intake> register_intake(Session& s, vault::SignalInput input,
                               const std::vector<NewPerson>& persons) {
  MK_RETURN_IF_ERROR(check_codes(s, input.forms, input.indicators));
  return s.transact("signal.add", [&](vault::UnitOfWork& uow) -> Result<Intake> {
    Intake out;
    for (const NewPerson& p : persons) {
      MK_ASSIGN_OR_RETURN(std::string id, vault::add_person(uow, p.role, p.identity));
      input.person_ids.push_back(id);
      out.person_ids.push_back(std::move(id));
    }
    MK_ASSIGN_OR_RETURN(out.signal_id, vault::add_signal(uow, input));
    return out;
  });
}

Status update_signal(Session& s, const std::string& id, const vault::SignalPatch& patch) {
  static const std::vector<std::string> kNone;
  MK_RETURN_IF_ERROR(check_codes(s, patch.forms.value_or(kNone), patch.indicators.value_or(kNone)));
  return s.transact(
      "signal.update", [&](vault::UnitOfWork& uow) { return vault::update_signal(uow, id, patch); },
      id);
}

Status close_signal(Session& s, const std::string& id, vault::SignalOutcome outcome,
                    const std::optional<Date>& closed) {
  Date day = closed.value_or(today(s));
  return s.transact(
      "", [&](vault::UnitOfWork& uow) { return vault::close_signal(uow, id, outcome, day); }, id);
}

Result<std::vector<vault::SignalSummary>> list_signals(Session& s,
                                                       const vault::SignalFilter& filter) {
  if (filter.form) MK_RETURN_IF_ERROR(check_codes(s, {*filter.form}, {}));
  return s.transact("signal.list",
                    [&](vault::UnitOfWork& uow) { return vault::list_signals(uow, filter); });
}

Result<std::size_t> count_signals(Session& s, const vault::SignalFilter& filter) {
  if (filter.form) MK_RETURN_IF_ERROR(check_codes(s, {*filter.form}, {}));
  return s.transact("signal.list",
                    [&](vault::UnitOfWork& uow) { return vault::count_signals(uow, filter); });
}

Result<std::vector<std::string>> list_signal_ids(Session& s, const vault::SignalFilter& filter,
                                                 const vault::SignalOrder& order) {
  if (filter.form) MK_RETURN_IF_ERROR(check_codes(s, {*filter.form}, {}));
  return s.transact("signal.list", [&](vault::UnitOfWork& uow) {
    return vault::list_signal_ids(uow, filter, order);
  });
}

Result<std::vector<vault::SignalSummary>> get_signal_summaries(
    Session& s, const std::vector<std::string>& ids) {
  return s.transact("signal.list",
                    [&](vault::UnitOfWork& uow) { return vault::get_signal_summaries(uow, ids); });
}

Result<std::vector<vault::SignalSummary>> list_signals_page(Session& s,
                                                            const vault::SignalFilter& filter,
                                                            const vault::SignalOrder& order,
                                                            std::size_t offset, std::size_t limit) {
  if (filter.form) MK_RETURN_IF_ERROR(check_codes(s, {*filter.form}, {}));
  return s.transact("signal.list", [&](vault::UnitOfWork& uow) {
    return vault::list_signals_page(uow, filter, order, offset, limit);
  });
}

Result<vault::Signal> show_signal(Session& s, const std::string& id) {
  return s.transact("signal.read", [&](vault::UnitOfWork& uow) -> Result<vault::Signal> {
    if (uow.vault().can_read_identities()) return vault::read_signal(uow, id);
    MK_ASSIGN_OR_RETURN(vault::SignalSummary summary, vault::get_signal_summary(uow, id));
    return vault::Signal{std::move(summary), std::nullopt, std::nullopt};
  });
}

Result<std::string> add_person(Session& s, vault::PersonRole role,
                               const vault::PersonIdentity& identity) {
  return s.transact("person.add",
                    [&](vault::UnitOfWork& uow) { return vault::add_person(uow, role, identity); });
}

Result<vault::Person> show_person(Session& s, const std::string& id) {
  return s.transact(
      "person.read", [&](vault::UnitOfWork& uow) { return vault::read_person(uow, id); }, id);
}

Result<std::vector<vault::PersonSummary>> list_persons(Session& s) {
  return s.transact("person.list",
                    [&](vault::UnitOfWork& uow) { return vault::list_persons(uow); });
}

Result<std::vector<vault::Person>> find_persons(Session& s, vault::PersonIndexKind kind,
                                                const vault::PersonIdentity& query) {
  return s.transact("person.find",
                    [&](vault::UnitOfWork& uow) { return vault::find_persons(uow, kind, query); });
}

Status update_person(Session& s, const std::string& id, const vault::PersonPatch& patch) {
  return s.transact(
      "person.update", [&](vault::UnitOfWork& uow) { return vault::update_person(uow, id, patch); },
      id);
}

Result<std::string> open_case(Session& s, const vault::CaseInput& input) {
  return s.transact("case.open",
                    [&](vault::UnitOfWork& uow) { return vault::open_case(uow, input); });
}

Status link_case(Session& s, const std::string& id, const std::vector<std::string>& signal_ids,
                 const std::vector<std::string>& person_ids) {
  return s.transact(
      "case.link",
      [&](vault::UnitOfWork& uow) { return vault::link_case(uow, id, signal_ids, person_ids); },
      id);
}

Status close_case(Session& s, const std::string& id, bool referred,
                  const std::optional<Date>& closed, const std::optional<std::string>& note) {
  Date day = closed.value_or(today(s));
  vault::CaseStatus status =
      referred ? vault::CaseStatus::kClosedReferred : vault::CaseStatus::kClosed;
  return s.transact(
      "", [&](vault::UnitOfWork& uow) { return vault::close_case(uow, id, status, day, note); },
      id);
}

Result<std::vector<vault::CaseSummary>> list_cases(Session& s) {
  return s.transact("case.list", [&](vault::UnitOfWork& uow) { return vault::list_cases(uow); });
}

Result<vault::Case> show_case(Session& s, const std::string& id) {
  return s.transact("case.read", [&](vault::UnitOfWork& uow) -> Result<vault::Case> {
    if (uow.vault().can_read_identities()) return vault::read_case(uow, id);
    MK_ASSIGN_OR_RETURN(vault::CaseSummary summary, vault::get_case_summary(uow, id));
    return vault::Case{std::move(summary), std::nullopt, std::nullopt};
  });
}

}  // namespace mk::service
