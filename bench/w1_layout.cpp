#include "w1_layout.hpp"

#include "w1_synthetic.hpp"

namespace mk::bench {

std::size_t w1_general_persons_begin(const W1Size& size) {
  return size.sweep_signals + size.export_persons;
}

std::size_t w1_export_signals_end(const W1Size& size) {
  return size.sweep_signals + size.export_persons - 1;
}

vault::PersonRole w1_role(const W1Size& size, std::size_t i) {
  if (i < size.sweep_signals) return vault::PersonRole::kReporter;
  if (i < w1_general_persons_begin(size)) return vault::PersonRole::kVictim;
  switch (i % 10) {
    case 6:
    case 7:
      return vault::PersonRole::kSuspect;
    case 8:
    case 9:
      return vault::PersonRole::kOther;
    default:
      return vault::PersonRole::kVictim;
  }
}

vault::SignalInput w1_signal(const W1Size& size, std::size_t j,
                             const std::function<std::string(std::size_t)>& person_id) {
  const std::size_t g = size.sweep_signals;
  const std::size_t export_end = w1_export_signals_end(size);
  const std::size_t first_general = w1_general_persons_begin(size);
  const std::size_t general_persons = size.persons - first_general;
  const std::size_t general_signals = size.signals - export_end;
  vault::SignalInput in;
  in.narrative = w1_narrative(j);
  w1_codes(j, in);
  if (j < g) {
    in.received = Date(2019, 3, static_cast<unsigned>(1 + j % 28));
    in.source_kind = vault::SourceKind::kResident;
    in.reporter_id = person_id(j);
    return in;
  }
  in.received = w1_received(j);
  in.source_kind = vault::SourceKind::kInternalTeam;
  in.source_team = j % 3 == 0 ? "Wijkteam Oost" : "Burgerzaken";
  in.nature = w1_nature(j);
  in.scale = vault::Scale::kMultiple;
  in.severity = vault::Severity::kHigh;
  in.minor = vault::MinorInvolved::kNo;
  if (j < export_end) {
    in.person_ids = {person_id(g + (j - g))};
    return in;
  }
  std::size_t k = j - export_end;
  in.person_ids = {person_id(first_general + k % general_persons)};
  if (k + general_signals < general_persons) {
    in.person_ids.push_back(person_id(first_general + k + general_signals));
  }
  return in;
}

}  // namespace mk::bench
