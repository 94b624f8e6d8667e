#include "service/mayor_report.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <system_error>
#include <vector>

#include "base/bytes.hpp"
#include "reports/report_csv.hpp"
#include "reports/report_pdf.hpp"
#include "reports/report_texts.hpp"
#include "service/casework.hpp"
#include "service/help_requests.hpp"
#include "service/new_file.hpp"
#include "service/package_contents.hpp"
#include "service/sharing.hpp"
#include "vault/statistical_facts.hpp"

namespace mk::service {
namespace {

using reports::CountTable;
using reports::Label;
using reports::SameCount;
using reports::TablePlace;

const std::array<Label, 12> kMonths = {Label{"jan", "Jan"}, {"feb", "Feb"}, {"mrt", "Mar"},
                                       {"apr", "Apr"},      {"mei", "May"}, {"jun", "Jun"},
                                       {"jul", "Jul"},      {"aug", "Aug"}, {"sep", "Sep"},
                                       {"okt", "Oct"},      {"nov", "Nov"}, {"dec", "Dec"}};

// Outcome columns and rows: the five outcomes, then "still open".
const std::array<std::pair<std::string_view, Label>, 6> kOutcomes = {{
    {"no_suspicion", {"Geen vermoeden", "No suspicion"}},
    {"insufficient_information", {"Onvoldoende informatie", "Insufficient information"}},
    {"referred", {"Doorverwezen", "Referred"}},
    {"case_opened", {"Zaak geopend", "Case opened"}},
    {"other", {"Anders", "Other"}},
    {"", {"Nog in behandeling", "Still open"}},
}};

const std::array<std::pair<std::string_view, Label>, 4> kSources = {{
    {"internal_team", {"Gemeentelijk team", "Municipal team"}},
    {"partner", {"Ketenpartner", "Partner"}},
    {"resident", {"Inwoner", "Resident"}},
    {"anonymous", {"Anoniem", "Anonymous"}},
}};

const std::array<std::pair<std::string_view, Label>, 7> kHelpKindLabels = {{
    {"housing", {"Huisvesting", "Housing"}},
    {"benefit", {"Uitkering", "Benefit"}},
    {"brp_registration", {"Inschrijving BRP", "BRP registration"}},
    {"medical", {"Medische zorg", "Medical care"}},
    {"shelter", {"Opvang", "Shelter"}},
    {"legal_aid", {"Rechtshulp", "Legal aid"}},
    {"id_papers", {"Identiteitspapieren", "ID papers"}},
}};

Date date_of(const Instant& t) {
  return Date::from_sys_days(std::chrono::floor<std::chrono::days>(t));
}

std::string month_of(const Date& d) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d-%02u", d.year(), d.month());
  return buf;
}

// Column of a month in the period (requires the month to lie in it).
std::size_t month_column(const ReportPeriod& p, const std::string& ym) {
  return static_cast<std::size_t>(std::stoi(ym.substr(5, 2))) - p.first_month();
}

std::size_t outcome_index(std::string_view code) {
  for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
    if (kOutcomes[i].first == code) return i;
  }
  return 4;  // an unknown code counts as "other"
}

std::size_t source_index(std::string_view code) {
  for (std::size_t i = 0; i < kSources.size(); ++i) {
    if (kSources[i].first == code) return i;
  }
  return 0;
}

CountTable make_table(std::string id, Label title, Label row_heading, std::vector<Label> rows,
                      std::vector<Label> columns) {
  CountTable t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.row_heading = std::move(row_heading);
  t.cells.assign(rows.size(), std::vector<std::int64_t>(columns.size(), 0));
  t.row_labels = std::move(rows);
  t.column_labels = std::move(columns);
  return t;
}

std::vector<Label> month_labels(const ReportPeriod& p) {
  std::vector<Label> out;
  for (int m = 0; m < p.months; ++m)
    out.push_back(kMonths[p.first_month() - 1 + m]);
  return out;
}

// What the report counts of one signal, live or shredded.
struct SignalFacts {
  std::string month;  // received, "YYYY-MM"
  std::string source;
  std::string outcome;  // "" while open
  std::vector<std::string> forms;
};

struct CaseFacts {
  std::string opened;  // "YYYY-MM"
  std::optional<std::string> closed;
};

struct HelpFacts {
  std::string kind;   // "" for a shredded case's requests (kind not kept)
  std::string month;  // requested (or the shredded case's opening month)
  int met = 0, late = 0, open = 0;
};

struct Counted {
  std::vector<SignalFacts> signals;
  std::vector<CaseFacts> cases;
  std::vector<std::pair<std::string, std::string>> referrals;  // month, partner kind
  std::vector<HelpFacts> help;
};

Result<Counted> count_everything(Session& s) {
  Counted c;
  MK_ASSIGN_OR_RETURN(std::vector<vault::SignalSummary> signals,
                      list_signals(s, vault::SignalFilter{}));
  for (const vault::SignalSummary& sig : signals) {
    c.signals.push_back({month_of(sig.received), std::string(vault::enum_name(sig.source_kind)),
                         sig.status == vault::SignalStatus::kClosed && sig.outcome
                             ? std::string(vault::enum_name(*sig.outcome))
                             : std::string(),
                         sig.forms});
  }
  MK_ASSIGN_OR_RETURN(std::vector<vault::CaseSummary> cases, list_cases(s));
  for (const vault::CaseSummary& cs : cases) {
    c.cases.push_back({month_of(cs.opened), cs.closed
                                                ? std::optional<std::string>(month_of(*cs.closed))
                                                : std::nullopt});
  }
  MK_ASSIGN_OR_RETURN(std::vector<vault::Disclosure> disclosures, list_disclosures(s));
  for (const vault::Disclosure& d : disclosures) {
    c.referrals.emplace_back(month_of(date_of(d.time)), d.partner_kind);
  }
  MK_ASSIGN_OR_RETURN(std::vector<vault::HelpRequest> help, list_help_requests(s, std::nullopt));
  for (const vault::HelpRequest& h : help) {
    HelpFacts f{std::string(vault::enum_name(h.kind)), month_of(h.requested)};
    if (h.status == vault::HelpStatus::kOpen) {
      f.open = 1;
    } else if (vault::met_within_norm(h)) {
      f.met = 1;
    } else {
      f.late = 1;
    }
    c.help.push_back(std::move(f));
  }
  MK_ASSIGN_OR_RETURN(std::vector<vault::StatisticalFact> facts,
                      s.transact("report.facts", [](vault::UnitOfWork& uow) {
                        return vault::list_statistical_facts(uow);
                      }));
  for (const vault::StatisticalFact& f : facts) {
    if (f.kind == "signal") {
      c.signals.push_back({f.period, f.source_kind, f.outcome, f.forms});
    } else if (f.kind == "case") {
      c.cases.push_back({f.period, f.closed_period});
      if (f.help_met + f.help_late + f.help_open > 0) {
        c.help.push_back({"", f.period, f.help_met, f.help_late, f.help_open});
      }
    } else if (f.kind == "disclosure") {
      c.referrals.emplace_back(f.period, f.partner_kind);
    }
  }
  return c;
}

void link_all(std::vector<SameCount>& out, const std::vector<TablePlace>& places) {
  for (std::size_t i = 0; i < places.size(); ++i) {
    for (std::size_t j = i + 1; j < places.size(); ++j)
      out.push_back({places[i], places[j]});
  }
}

}  // namespace

Result<policies::ReportingPolicy> load_reporting(Session& s) {
  return policies::load_reporting_policy((s.policies().dir / "reporting.json").string());
}

Result<reports::ReportDocument> build_mayor_report(Session& s, const ReportPeriod& period) {
  MK_ASSIGN_OR_RETURN(Counted c, count_everything(s));
  const std::vector<ReportPeriod> trend = trend_periods(period, 4);

  reports::ReportDocument d;
  d.period = period.name();
  d.municipality = sender_municipality();
  d.created = today(s);

  // Signals by form.
  std::vector<std::string> form_codes;
  std::vector<Label> form_labels;
  for (const policies::TraffickingForm& f : s.policies().indicators.forms()) {
    form_codes.push_back(f.code);
    form_labels.push_back({f.label_nl, f.label_en});
  }
  for (const SignalFacts& sig : c.signals) {  // codes no longer in the catalogue keep a row
    for (const std::string& f : sig.forms) {
      if (period.contains_month(sig.month) &&
          std::find(form_codes.begin(), form_codes.end(), f) == form_codes.end()) {
        form_codes.push_back(f);
        form_labels.push_back({f, f});
      }
    }
  }
  form_labels.push_back({"Geen vorm opgegeven", "No form given"});
  d.signals_by_form = make_table(
      "signals_by_form",
      {"Meldingen naar vorm van uitbuiting (vermeldingen: een melding met twee vormen telt in "
       "beide)",
       "Signals by form of exploitation (form mentions: a signal of two forms counts in both)"},
      {"Vorm", "Form"}, form_labels, month_labels(period));

  std::vector<Label> outcome_labels, source_labels;
  for (const auto& [code, label] : kOutcomes)
    outcome_labels.push_back(label);
  for (const auto& [code, label] : kSources)
    source_labels.push_back(label);
  d.signals_by_source = make_table(
      "signals_by_source", {"Meldingen naar bron en afloop", "Signals by source and outcome"},
      {"Bron", "Source"}, source_labels, outcome_labels);
  d.signals_by_outcome =
      make_table("signals_by_outcome", {"Meldingen naar afloop", "Signals by outcome"},
                 {"Afloop", "Outcome"}, outcome_labels, {{"Meldingen", "Signals"}});

  for (const SignalFacts& sig : c.signals) {
    if (!period.contains_month(sig.month)) continue;
    const std::size_t col = month_column(period, sig.month);
    if (sig.forms.empty()) {
      ++d.signals_by_form.cells[form_codes.size()][col];
    }
    for (const std::string& f : sig.forms) {
      const auto it = std::find(form_codes.begin(), form_codes.end(), f);
      ++d.signals_by_form.cells[static_cast<std::size_t>(it - form_codes.begin())][col];
    }
    const std::size_t o = outcome_index(sig.outcome);
    ++d.signals_by_source.cells[source_index(sig.source)][o];
    ++d.signals_by_outcome.cells[o][0];
  }

  // Referrals by partner kind.
  std::map<std::string, std::int64_t> by_kind;
  for (const auto& [month, kind] : c.referrals) {
    if (period.contains_month(month)) ++by_kind[kind];
  }
  std::vector<Label> kind_labels;
  for (const auto& [kind, n] : by_kind)
    kind_labels.push_back({kind, kind});
  if (kind_labels.empty()) kind_labels.push_back({"Geen", "None"});
  d.referrals_by_partner = make_table(
      "referrals_by_partner",
      {"Verstrekkingen aan ketenpartners, naar soort partner", "Referrals to partners, by kind"},
      {"Soort partner", "Partner kind"}, kind_labels, {{"Verstrekkingen", "Referrals"}});
  {
    std::size_t r = 0;
    for (const auto& [kind, n] : by_kind)
      d.referrals_by_partner.cells[r++][0] = n;
  }

  // Help requests.
  std::vector<Label> help_labels;
  for (const auto& [code, label] : kHelpKindLabels)
    help_labels.push_back(label);
  help_labels.push_back(
      {"Soort niet bewaard (verwijderde zaken)", "Kind not kept (shredded cases)"});
  d.help_requests =
      make_table("help_requests", {"Hulpverzoeken en normtijden", "Help requests and norm times"},
                 {"Soort", "Kind"}, help_labels,
                 {{"Binnen normtijd", "Met within norm time"},
                  {"Niet binnen normtijd", "Not met within norm time"},
                  {"Open", "Open"}});
  for (const HelpFacts& h : c.help) {
    if (!period.contains_month(h.month)) continue;
    std::size_t r = kHelpKindLabels.size();
    for (std::size_t i = 0; i < kHelpKindLabels.size(); ++i) {
      if (kHelpKindLabels[i].first == h.kind) r = i;
    }
    d.help_requests.cells[r][0] += h.met;
    d.help_requests.cells[r][1] += h.late;
    d.help_requests.cells[r][2] += h.open;
  }

  // Cases.
  d.cases = make_table("cases", {"Zaken geopend en gesloten", "Cases opened and closed"},
                       {"Zaken", "Cases"}, {{"Geopend", "Opened"}, {"Gesloten", "Closed"}},
                       month_labels(period));
  d.cases.column_totals = false;
  for (const CaseFacts& cs : c.cases) {
    if (period.contains_month(cs.opened)) ++d.cases.cells[0][month_column(period, cs.opened)];
    if (cs.closed && period.contains_month(*cs.closed)) {
      ++d.cases.cells[1][month_column(period, *cs.closed)];
    }
  }

  // Trend.
  std::vector<Label> trend_labels;
  for (const ReportPeriod& p : trend)
    trend_labels.push_back({p.name(), p.name()});
  d.trend = make_table("trend", reports::texts::kTrend, {"Reeks", "Series"},
                       {{"Meldingen ontvangen", "Signals received"},
                        {"Zaken geopend", "Cases opened"},
                        {"Verstrekkingen", "Referrals"}},
                       trend_labels);
  d.trend.column_totals = false;
  for (std::size_t k = 0; k < trend.size(); ++k) {
    for (const SignalFacts& sig : c.signals)
      d.trend.cells[0][k] += trend[k].contains_month(sig.month);
    for (const CaseFacts& cs : c.cases)
      d.trend.cells[1][k] += trend[k].contains_month(cs.opened);
    for (const auto& [month, kind] : c.referrals)
      d.trend.cells[2][k] += trend[k].contains_month(month);
  }

  // Places counting the same thing.
  const std::size_t last = trend.size() - 1;
  const std::size_t outcomes = kOutcomes.size(), sources = kSources.size();
  const std::size_t months = static_cast<std::size_t>(period.months);
  const std::size_t kinds = kind_labels.size();
  link_all(d.same_counts, {{"signals_by_source", sources, outcomes},
                           {"signals_by_outcome", outcomes, 0},
                           {"signals_by_outcome", outcomes, 1},
                           {"trend", 0, last}});
  for (std::size_t o = 0; o < outcomes; ++o) {
    link_all(d.same_counts, {{"signals_by_source", sources, o},
                             {"signals_by_outcome", o, 0},
                             {"signals_by_outcome", o, 1}});
  }
  link_all(d.same_counts, {{"cases", 0, months}, {"trend", 1, last}});
  link_all(
      d.same_counts,
      {{"referrals_by_partner", kinds, 0}, {"referrals_by_partner", kinds, 1}, {"trend", 2, last}});
  return d;
}

Result<reports::PublishedReport> publish_mayor_report(Session& s, const ReportPeriod& period) {
  MK_ASSIGN_OR_RETURN(policies::ReportingPolicy policy, load_reporting(s));
  MK_ASSIGN_OR_RETURN(reports::ReportDocument doc, build_mayor_report(s, period));
  return reports::publish_report(doc, policy);
}

namespace {

MayorReportSummary summary_of(const reports::PublishedReport& published) {
  MayorReportSummary summary;
  summary.policy_hash = published.policy_hash;
  for (const reports::PublishedTable& t : published.tables)
    summary.withheld += t.withheld;
  summary.withheld += published.trend.withheld;
  return summary;
}

}  // namespace

Result<MayorReportSummary> write_mayor_report_csv(Session& s, const ReportPeriod& period,
                                                  const std::filesystem::path& csv) {
  MK_ASSIGN_OR_RETURN(reports::PublishedReport published, publish_mayor_report(s, period));
  const std::string text = reports::render_report_csv(published);
  bool written = false;
  Status st = s.transact("report.mayor", [&](vault::UnitOfWork& uow) -> Status {
    uow.record({"report.mayor", "", "period=" + period.name() + ";format=csv"});
    MK_RETURN_IF_ERROR(write_new_file(csv, as_bytes(text)));
    written = true;
    return Status();
  });
  if (!st.is_ok()) {
    std::error_code ec;
    if (written) std::filesystem::remove(csv, ec);
    return st;
  }
  return summary_of(published);
}

Result<MayorReportSummary> write_mayor_report(Session& s, const ReportPeriod& period,
                                              const MayorReportFiles& files) {
  MK_ASSIGN_OR_RETURN(reports::PublishedReport published, publish_mayor_report(s, period));
  MK_ASSIGN_OR_RETURN(std::string pdf, reports::render_report_pdf(published));
  const std::string csv = reports::render_report_csv(published);
  MayorReportSummary summary = summary_of(published);
  for (const auto& path : {std::optional(files.pdf), files.csv}) {
    std::error_code ec;
    if (path && std::filesystem::symlink_status(*path, ec).type() !=
                    std::filesystem::file_type::not_found) {
      return conflict("a file exists at the report's path; nothing was written");
    }
  }
  bool written = false;
  Status st = s.transact("report.mayor", [&](vault::UnitOfWork& uow) -> Status {
    uow.record({"report.mayor", "", "period=" + period.name()});
    MK_RETURN_IF_ERROR(write_new_file(files.pdf, as_bytes(pdf)));
    written = true;
    if (files.csv) {
      if (Status w = write_new_file(*files.csv, as_bytes(csv)); !w.is_ok()) {
        std::error_code ec;
        std::filesystem::remove(files.pdf, ec);
        written = false;
        return w;
      }
    }
    return Status();
  });
  if (!st.is_ok()) {
    if (written) {
      std::error_code ec;
      std::filesystem::remove(files.pdf, ec);
      if (files.csv) std::filesystem::remove(*files.csv, ec);
    }
    return st;
  }
  return summary;
}

}  // namespace mk::service
