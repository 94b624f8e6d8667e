// A synthetic year of a municipality's trafficking signals (2026, 260 signals), as the service
// layer would count them, and the mayor's report tables built from it. Deterministic: a fixed
// seed and our own generator, so every run and every machine sees the same year.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "reports/report_document.hpp"
#include "reports/table.hpp"

namespace mk::testing {

// splitmix64: small, fast, and the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  // An index drawn with the given weights.
  template <std::size_t N>
  int weighted(const std::array<int, N>& weights) {
    int sum = 0;
    for (int w : weights)
      sum += w;
    int pick = below(sum);
    for (std::size_t i = 0; i < N; ++i) {
      if (pick < weights[i]) return static_cast<int>(i);
      pick -= weights[i];
    }
    return static_cast<int>(N) - 1;
  }

 private:
  std::uint64_t state_;
};

inline const std::vector<reports::Label> kForms = {
    {"Seksuele uitbuiting", "Sexual exploitation"},
    {"Arbeidsuitbuiting", "Labour exploitation"},
    {"Criminele uitbuiting", "Criminal exploitation"},
    {"Orgaanverwijdering", "Organ removal"},
    {"Overige uitbuiting", "Other exploitation"}};
inline const std::vector<reports::Label> kSources = {{"Gemeentelijk team", "Municipal team"},
                                                     {"Partner", "Partner"},
                                                     {"Inwoner", "Resident"},
                                                     {"Anoniem", "Anonymous"}};
inline const std::vector<reports::Label> kOutcomes = {
    {"Geen vermoeden", "No suspicion"},
    {"Onvoldoende informatie", "Insufficient information"},
    {"Doorverwezen", "Referred"},
    {"Casus geopend", "Case opened"},
    {"Anders afgesloten", "Closed otherwise"}};
inline const std::vector<reports::Label> kPartners = {
    {"Politie (AVIM)", "Police (AVIM)"},
    {"Nederlandse Arbeidsinspectie", "Netherlands Labour Authority"},
    {"CoMensha", "CoMensha"},
    {"SHOP", "SHOP"},
    {"Veilig Thuis", "Veilig Thuis"},
    {"Zorg- en Veiligheidshuis", "Care and Safety House"},
    {"RIEC Haaglanden", "RIEC Haaglanden"}};
inline const std::vector<reports::Label> kHelpKinds = {{"Huisvesting", "Housing"},
                                                       {"Uitkering", "Benefit"},
                                                       {"Inschrijving BRP", "BRP registration"},
                                                       {"Medische zorg", "Medical care"},
                                                       {"Opvang", "Shelter"},
                                                       {"Rechtsbijstand", "Legal aid"},
                                                       {"Identiteitspapieren", "ID papers"}};
inline const std::vector<reports::Label> kHelpStatus = {
    {"Binnen normtijd", "Met within norm time"}, {"Te laat", "Late"}, {"Nog open", "Still open"}};
inline const std::vector<reports::Label> kMonths = {
    {"jan", "Jan"}, {"feb", "Feb"}, {"mrt", "Mar"}, {"apr", "Apr"}, {"mei", "May"}, {"jun", "Jun"},
    {"jul", "Jul"}, {"aug", "Aug"}, {"sep", "Sep"}, {"okt", "Oct"}, {"nov", "Nov"}, {"dec", "Dec"}};

struct Signal {
  int month = 0;               // 0..11
  int source = 0;              // index in kSources
  std::vector<int> forms;      // indices in kForms, one or two
  int outcome = 0;             // index in kOutcomes
  int partner = -1;            // referred to (index in kPartners), -1 when not
  int case_closed_month = -1;  // a case opened in `month`, closed then (-1: open or no case)
  std::vector<std::array<int, 2>> help;  // per help request: kind, status (index in kHelpStatus)
};

inline constexpr int kOutcomeReferred = 2;
inline constexpr int kOutcomeCase = 3;

// The year: 260 signals spread over the months, most from municipal teams and partners, labour
// and sexual exploitation most often, a few organ-removal signals, about a fifth becoming a case.
inline std::vector<Signal> synthetic_year(std::uint64_t seed = 2026, int count = 260) {
  Random rnd(seed);
  std::vector<Signal> out;
  for (int i = 0; i < count; ++i) {
    Signal s;
    s.month = rnd.weighted(std::array<int, 12>{7, 7, 8, 8, 9, 9, 8, 7, 9, 10, 9, 9});
    s.source = rnd.weighted(std::array<int, 4>{45, 30, 15, 10});
    s.forms.push_back(rnd.weighted(std::array<int, 5>{35, 40, 18, 1, 6}));
    if (rnd.below(10) == 0) {
      const int second = rnd.weighted(std::array<int, 5>{35, 40, 18, 1, 6});
      if (second != s.forms[0]) s.forms.push_back(second);
    }
    s.outcome = rnd.weighted(std::array<int, 5>{25, 15, 35, 20, 5});
    if (s.outcome == kOutcomeReferred || s.outcome == kOutcomeCase) {
      switch (s.forms[0]) {
        case 0:
          s.partner = rnd.weighted(std::array<int, 7>{40, 0, 10, 35, 10, 5, 0});
          break;
        case 1:
          s.partner = rnd.weighted(std::array<int, 7>{20, 50, 5, 15, 0, 5, 5});
          break;
        default:
          s.partner = rnd.weighted(std::array<int, 7>{55, 5, 5, 10, 10, 10, 5});
      }
    }
    if (s.outcome == kOutcomeCase) {
      const int closed = s.month + 1 + rnd.below(6);
      s.case_closed_month = closed <= 11 ? closed : -1;
      const int requests = 1 + rnd.below(3);
      for (int h = 0; h < requests; ++h) {
        s.help.push_back({rnd.weighted(std::array<int, 7>{30, 20, 15, 10, 15, 5, 5}),
                          rnd.weighted(std::array<int, 3>{60, 25, 15})});
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

inline reports::CountTable empty_table(std::string id, reports::Label title, reports::Label heading,
                                       std::vector<reports::Label> rows,
                                       std::vector<reports::Label> columns) {
  reports::CountTable t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.row_heading = std::move(heading);
  t.row_labels = std::move(rows);
  t.column_labels = std::move(columns);
  t.cells.assign(t.row_labels.size(), std::vector<std::int64_t>(t.column_labels.size(), 0));
  return t;
}

// The months [first, first + n) and their labels.
struct Span {
  int first = 0;
  int n = 12;
  bool contains(int month) const { return month >= first && month < first + n; }
};

inline std::vector<reports::Label> month_labels(Span span) {
  return {kMonths.begin() + span.first, kMonths.begin() + span.first + span.n};
}

inline reports::CountTable forms_by_month(const std::vector<Signal>& year, Span span) {
  auto t = empty_table("signals_by_form",
                       {"Meldingen naar vorm van uitbuiting", "Signals by form of exploitation"},
                       {"Vorm", "Form"}, kForms, month_labels(span));
  for (const Signal& s : year)
    if (span.contains(s.month))
      for (int f : s.forms)
        ++t.cells[f][s.month - span.first];
  return t;
}

inline reports::CountTable forms_by_quarter(const std::vector<Signal>& year) {
  auto t = empty_table(
      "signals_by_form_quarter", {"Meldingen naar vorm en kwartaal", "Signals by form and quarter"},
      {"Vorm", "Form"}, kForms, {{"K1", "Q1"}, {"K2", "Q2"}, {"K3", "Q3"}, {"K4", "Q4"}});
  for (const Signal& s : year)
    for (int f : s.forms)
      ++t.cells[f][s.month / 3];
  return t;
}

inline reports::CountTable sources_by_outcome(const std::vector<Signal>& year, Span span) {
  auto t = empty_table("signals_by_source",
                       {"Meldingen naar bron en uitkomst", "Signals by source and outcome"},
                       {"Bron", "Source"}, kSources, kOutcomes);
  for (const Signal& s : year)
    if (span.contains(s.month)) ++t.cells[s.source][s.outcome];
  return t;
}

inline reports::CountTable outcomes(const std::vector<Signal>& year, Span span) {
  auto t = empty_table("signals_by_outcome", {"Meldingen naar uitkomst", "Signals by outcome"},
                       {"Uitkomst", "Outcome"}, kOutcomes, {{"Aantal", "Count"}});
  for (const Signal& s : year)
    if (span.contains(s.month)) ++t.cells[s.outcome][0];
  return t;
}

inline reports::CountTable referrals(const std::vector<Signal>& year, Span span) {
  auto t =
      empty_table("referrals_by_partner", {"Doorverwijzingen per partner", "Referrals per partner"},
                  {"Partner", "Partner"}, kPartners, month_labels(span));
  for (const Signal& s : year)
    if (span.contains(s.month) && s.partner >= 0) ++t.cells[s.partner][s.month - span.first];
  return t;
}

inline reports::CountTable help_requests(const std::vector<Signal>& year, Span span) {
  auto t = empty_table("help_requests",
                       {"Hulpverzoeken binnen de normtijd", "Help requests within norm time"},
                       {"Soort hulp", "Kind of help"}, kHelpKinds, kHelpStatus);
  for (const Signal& s : year)
    if (span.contains(s.month))
      for (const auto& h : s.help)
        ++t.cells[h[0]][h[1]];
  return t;
}

inline reports::CountTable cases(const std::vector<Signal>& year, Span span) {
  auto t = empty_table("cases", {"Casussen geopend en gesloten", "Cases opened and closed"},
                       {"Casussen", "Cases"}, {{"Geopend", "Opened"}, {"Gesloten", "Closed"}},
                       month_labels(span));
  t.column_totals = false;  // opened and closed are different things
  for (const Signal& s : year) {
    if (s.outcome != kOutcomeCase) continue;
    if (span.contains(s.month)) ++t.cells[0][s.month - span.first];
    if (span.contains(s.case_closed_month)) ++t.cells[1][s.case_closed_month - span.first];
  }
  return t;
}

// Signals received, cases opened and referrals in each quarter of the year.
inline reports::CountTable trend(const std::vector<Signal>& year) {
  auto t = empty_table(
      "trend", {"Verloop over de laatste vier kwartalen", "Trend over the last four quarters"},
      {"Reeks", "Series"},
      {{"Meldingen", "Signals"},
       {"Casussen geopend", "Cases opened"},
       {"Doorverwijzingen", "Referrals"}},
      {{"2026-K1", "2026-Q1"},
       {"2026-K2", "2026-Q2"},
       {"2026-K3", "2026-Q3"},
       {"2026-K4", "2026-Q4"}});
  t.column_totals = false;
  for (const Signal& s : year) {
    ++t.cells[0][s.month / 3];
    if (s.outcome == kOutcomeCase) ++t.cells[1][s.month / 3];
    if (s.partner >= 0) ++t.cells[2][s.month / 3];
  }
  return t;
}

// The mayor's report over a quarter of the synthetic year (4: October to December). Its trend is
// the year's four quarters.
inline reports::ReportDocument quarter_report(const std::vector<Signal>& year, int quarter = 4) {
  const Span q4{3 * (quarter - 1), 3};
  const std::size_t last = static_cast<std::size_t>(quarter - 1);  // the trend's column
  reports::ReportDocument d;
  d.period = "2026-Q" + std::to_string(quarter);
  d.municipality = "Gemeente Rijswijk";
  d.created = Date(2027, 1, 8);
  d.signals_by_form = forms_by_month(year, q4);
  d.signals_by_source = sources_by_outcome(year, q4);
  d.signals_by_outcome = outcomes(year, q4);
  d.referrals_by_partner = referrals(year, q4);
  d.help_requests = help_requests(year, q4);
  d.cases = cases(year, q4);
  d.trend = trend(year);
  // The counts that appear twice: the outcome table is the outcome totals of the table by source;
  // the trend's last quarter repeats the period's signals, cases opened and referrals.
  const std::size_t outcomes_n = kOutcomes.size(), sources_n = kSources.size();
  for (std::size_t o = 0; o < outcomes_n; ++o)
    d.same_counts.push_back({{"signals_by_source", sources_n, o}, {"signals_by_outcome", o, 0}});
  d.same_counts.push_back(
      {{"signals_by_source", sources_n, outcomes_n}, {"signals_by_outcome", outcomes_n, 1}});
  d.same_counts.push_back({{"signals_by_outcome", outcomes_n, 1}, {"trend", 0, last}});
  d.same_counts.push_back({{"cases", 0, 3}, {"trend", 1, last}});
  d.same_counts.push_back({{"referrals_by_partner", kPartners.size(), 3}, {"trend", 2, last}});
  return d;
}

}  // namespace mk::testing
