#include "vault/statistical_facts.hpp"

#include <algorithm>

#include "vault/field_rules.hpp"
#include "vault/store_support.hpp"

namespace mk::vault {
namespace {

// Every column that makes a fact; identical facts share a row and count it.
constexpr char kFactColumns[] =
    "kind, period, closed_period, source_kind, outcome, forms, minor, victims, suspects, "
    "partner_kind, purpose, help_met, help_late, help_open, rule, shredded_period";
// More facts than a region registers in centuries: a larger count is a damaged store.
constexpr std::int64_t kMaxCount = 10'000'000;

bool is_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && (s[i] < '0' || s[i] > '9')) return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), s) != allowed.end();
}

// Every member holds a code, a month or a count: nothing that could name a record or a person.
Status check_fact(const StatisticalFact& f) {
  if (!is_one_of(f.kind, {"signal", "case", "disclosure"})) {
    return invalid_input("kind: signal, case or disclosure");
  }
  if (!is_month(f.period)) return invalid_input("period: expected YYYY-MM");
  if (f.closed_period && !is_month(*f.closed_period)) {
    return invalid_input("closed_period: expected YYYY-MM");
  }
  if (!is_month(f.shredded_period)) return invalid_input("shredded_period: expected YYYY-MM");
  bool signal = f.kind == "signal";
  bool disclosure = f.kind == "disclosure";
  if (signal ? !is_one_of(f.source_kind, {"internal_team", "partner", "resident", "anonymous"})
             : !f.source_kind.empty()) {
    return invalid_input("source_kind: a source kind for signals, empty otherwise");
  }
  if (signal ? !is_one_of(f.minor, {"yes", "no", "unknown"}) : !f.minor.empty()) {
    return invalid_input("minor: yes, no or unknown for signals, empty otherwise");
  }
  if (disclosure ? !valid_code_syntax(f.partner_kind) : !f.partner_kind.empty()) {
    return invalid_input("partner_kind: a code for disclosures, empty otherwise");
  }
  if (disclosure ? !valid_code_syntax(f.purpose) : !f.purpose.empty()) {
    return invalid_input("purpose: a code for disclosures, empty otherwise");
  }
  if (disclosure && (!f.outcome.empty() || !f.forms.empty())) {
    return invalid_input("outcome, forms: empty for disclosures");
  }
  if (!f.outcome.empty() && !valid_code_syntax(f.outcome)) {
    return invalid_input("outcome: a code is 1-64 characters of a-z, 0-9, '.' and '_'");
  }
  if (!std::is_sorted(f.forms.begin(), f.forms.end()) ||
      std::adjacent_find(f.forms.begin(), f.forms.end()) != f.forms.end()) {
    return invalid_input("forms: sorted, each once");
  }
  for (const std::string& form : f.forms) {
    if (!valid_code_syntax(form)) {
      return invalid_input("forms: a code is 1-64 characters of a-z, 0-9, '.' and '_'");
    }
  }
  if (f.victims < 0 || f.suspects < 0) return invalid_input("victims, suspects: not negative");
  if (f.help_met < 0 || f.help_late < 0 || f.help_open < 0) {
    return invalid_input("help_met, help_late, help_open: not negative");
  }
  if (f.kind != "case" && (f.help_met != 0 || f.help_late != 0 || f.help_open != 0)) {
    return invalid_input("help_met, help_late, help_open: 0 but for cases");
  }
  if (!valid_rule_id(f.rule)) return invalid_input("rule: not a rule id");
  return Status::ok();
}

void bind_fact(Statement& st, const StatisticalFact& f) {
  st.bind(1, f.kind).bind(2, f.period).bind(3, f.closed_period.value_or(""));
  st.bind(4, f.source_kind).bind(5, f.outcome).bind(6, join_names(f.forms)).bind(7, f.minor);
  st.bind(8, f.victims).bind(9, f.suspects).bind(10, f.partner_kind).bind(11, f.purpose);
  st.bind(12, f.help_met).bind(13, f.help_late).bind(14, f.help_open);
  st.bind(15, f.rule).bind(16, f.shredded_period);
}

}  // namespace

bool valid_rule_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

Status add_statistical_fact(UnitOfWork& uow, const StatisticalFact& fact) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_RETURN_IF_ERROR(check_fact(fact));
  MK_ASSIGN_OR_RETURN(
      Statement update,
      uow.db().prepare("UPDATE statistical_facts SET count = count + 1 WHERE kind = ?1 AND "
                       "period = ?2 AND closed_period = ?3 AND source_kind = ?4 AND outcome = ?5 "
                       "AND forms = ?6 AND minor = ?7 AND victims = ?8 AND suspects = ?9 AND "
                       "partner_kind = ?10 AND purpose = ?11 AND help_met = ?12 AND "
                       "help_late = ?13 AND help_open = ?14 AND rule = ?15 AND "
                       "shredded_period = ?16"));
  bind_fact(update, fact);
  MK_RETURN_IF_ERROR(update.run());
  if (uow.db().changes() > 0) return Status::ok();
  MK_ASSIGN_OR_RETURN(
      Statement insert,
      uow.db().prepare(
          "INSERT INTO statistical_facts (" + std::string(kFactColumns) +
          ", count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
          "?16, 1)"));
  bind_fact(insert, fact);
  return insert.run();
}

Result<std::vector<StatisticalFact>> list_statistical_facts(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT " + std::string(kFactColumns) +
                                       ", count FROM statistical_facts ORDER BY period, " +
                                       std::string(kFactColumns)));
  std::vector<StatisticalFact> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    StatisticalFact f;
    f.kind = st.column_text(0);
    f.period = st.column_text(1);
    if (std::string closed = st.column_text(2); !closed.empty()) f.closed_period = closed;
    f.source_kind = st.column_text(3);
    f.outcome = st.column_text(4);
    f.forms = split_names(st.column_text(5));
    f.minor = st.column_text(6);
    f.victims = static_cast<int>(st.column_int(7));
    f.suspects = static_cast<int>(st.column_int(8));
    f.partner_kind = st.column_text(9);
    f.purpose = st.column_text(10);
    f.help_met = static_cast<int>(st.column_int(11));
    f.help_late = static_cast<int>(st.column_int(12));
    f.help_open = static_cast<int>(st.column_int(13));
    f.rule = st.column_text(14);
    f.shredded_period = st.column_text(15);
    std::int64_t count = st.column_int(16);
    if (Status s = check_fact(f); !s.is_ok() || count < 1 || count > kMaxCount) {
      return vault_corrupt("a statistical fact holds an unreadable value");
    }
    for (std::int64_t i = 0; i < count; ++i)
      out.push_back(f);
  }
}

}  // namespace mk::vault
