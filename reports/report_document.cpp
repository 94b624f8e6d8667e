#include "reports/report_document.hpp"

#include <array>
#include <map>
#include <set>
#include <utility>

namespace mk::reports {

namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

bool is_report_period(std::string_view p) {
  if (p.size() < 4 || !digits(p.substr(0, 4))) return false;
  const int year = std::stoi(std::string(p.substr(0, 4)));
  if (year < 1800) return false;
  if (p.size() == 4) return true;
  if (p.size() != 7 || p[4] != '-') return false;
  if (p[5] == 'H') return p[6] == '1' || p[6] == '2';
  if (p[5] == 'Q') return p[6] >= '1' && p[6] <= '4';
  return false;
}

namespace {

// The count at `p` of table `t`, or nullopt when `p` lies outside it.
std::optional<std::int64_t> count_at(const CountTable& t, const TablePlace& p) {
  const std::size_t R = t.rows(), C = t.columns();
  if (p.row > R || p.column > C) return std::nullopt;
  if (p.row == R && !t.column_totals) return std::nullopt;
  if (p.row < R && p.column < C) return t.cells[p.row][p.column];
  if (p.row < R) return t.row_total(p.row);
  if (p.column < C) return t.column_total(p.column);
  return t.grand_total();
}

bool withheld_at(const SuppressionMask& m, const CountTable& t, const TablePlace& p) {
  const std::size_t R = t.rows(), C = t.columns();
  if (p.row < R && p.column < C) return m.cells[p.row][p.column];
  if (p.row < R) return m.row_totals[p.row];
  if (p.column < C) return m.column_totals[p.column];
  return m.grand_total;
}

void set_withheld(SuppressionMask& m, const CountTable& t, const TablePlace& p) {
  const std::size_t R = t.rows(), C = t.columns();
  if (p.row < R && p.column < C) {
    m.cells[p.row][p.column] = true;
  } else if (p.row < R) {
    m.row_totals[p.row] = true;
  } else if (p.column < C) {
    m.column_totals[p.column] = true;
  } else {
    m.grand_total = true;
  }
}

}  // namespace

Result<PublishedReport> publish_report(const ReportDocument& d,
                                       const policies::ReportingPolicy& policy) {
  if (!is_report_period(d.period)) {
    return invalid_input(
        "report period must be a year (2026), a half (2026-H1) or a quarter "
        "(2026-Q3)");
  }
  MK_RETURN_IF_ERROR(check_text(d.municipality, "report municipality"));
  const std::vector<const CountTable*> tables = {&d.signals_by_form,
                                                 &d.signals_by_source,
                                                 &d.signals_by_outcome,
                                                 &d.referrals_by_partner,
                                                 &d.help_requests,
                                                 &d.cases,
                                                 &d.trend};
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    MK_RETURN_IF_ERROR(validate_table(*tables[i]));
    if (!index.emplace(tables[i]->id, i).second) {
      return invalid_input("two tables of the report have the id \"" + tables[i]->id + "\"");
    }
  }
  // Each SameCount as two (table index, place) pairs.
  std::vector<std::array<std::pair<std::size_t, TablePlace>, 2>> links;
  for (std::size_t k = 0; k < d.same_counts.size(); ++k) {
    const std::string what = "same count " + std::to_string(k + 1);
    std::array<std::pair<std::size_t, TablePlace>, 2> link;
    std::optional<std::int64_t> counts[2];
    const TablePlace* places[2] = {&d.same_counts[k].a, &d.same_counts[k].b};
    for (int side = 0; side < 2; ++side) {
      const auto it = index.find(places[side]->table);
      if (it == index.end()) return invalid_input(what + ": no table with that id");
      counts[side] = count_at(*tables[it->second], *places[side]);
      if (!counts[side]) return invalid_input(what + ": a place outside its table");
      link[static_cast<std::size_t>(side)] = {it->second, *places[side]};
    }
    if (*counts[0] != *counts[1]) return invalid_input(what + ": the two places differ");
    links.push_back(link);
  }
  // Suppress table by table; withhold linked twins of withheld counts; again, until they agree.
  // Each round withholds at least one more count, so it ends.
  const int threshold = policy.suppression().threshold;
  std::vector<SuppressionMask> also, masks;
  for (const CountTable* t : tables) {
    also.push_back(empty_mask(*t));
    masks.push_back(plan_suppression(*t, threshold));
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& link : links) {
      for (int side = 0; side < 2; ++side) {
        const auto& [from, p] = link[static_cast<std::size_t>(side)];
        const auto& [to, q] = link[static_cast<std::size_t>(1 - side)];
        if (withheld_at(masks[from], *tables[from], p) && !withheld_at(masks[to], *tables[to], q)) {
          set_withheld(also[to], *tables[to], q);
          masks[to] = plan_suppression(*tables[to], threshold, also[to]);
          changed = true;
        }
      }
    }
  }
  PublishedReport out;
  out.period = d.period;
  out.municipality = d.municipality;
  out.created = d.created;
  out.threshold = threshold;
  out.threshold_reference = policy.suppression().reference;
  out.rounding = policy.rounding();
  out.policy_hash = policy.hash();
  for (std::size_t i = 0; i < tables.size(); ++i) {
    MK_ASSIGN_OR_RETURN(PublishedTable p, publish_table(*tables[i], policy, also[i]));
    if (tables[i] == &d.trend) {
      out.trend = std::move(p);
    } else {
      out.tables.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace mk::reports
