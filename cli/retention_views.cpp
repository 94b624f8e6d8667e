#include "cli/retention_views.hpp"

#include <algorithm>

#include "cli/output.hpp"

namespace mk::cli {
namespace {

json::Value or_null(const std::string& s) {
  return s.empty() ? json::Value() : json::Value(s);
}

json::Value count(std::size_t n) {
  return json::Value(static_cast<std::int64_t>(n));
}

const service::PlanItem* find_item(const service::RetentionPlan& plan, const std::string& id) {
  for (const service::PlanItem& item : plan.due) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

// The plan's header members, shared by plan and sweep report.
json::Value plan_header(const service::RetentionPlan& plan) {
  json::Value o = json::Value::object();
  o.set("as_of", plan.as_of.to_iso());
  o.set("policy_file", plan.policy_file);
  o.set("policy_hash", plan.policy_hash);
  return o;
}

}  // namespace

json::Value to_json(const service::PlanItem& item) {
  json::Value o = json::Value::object();
  o.set("kind", vault::enum_name(item.kind));
  o.set("id", item.id);
  o.set("role", or_null(item.role));
  o.set("rule", item.rule);
  o.set("rule_confirmed", item.rule_confirmed);
  o.set("trigger", item.trigger);
  o.set("trigger_date", item.trigger_date.to_iso());
  o.set("due", item.due.to_iso());
  o.set("action", item.action);
  o.set("held_by", json::Value::array_of(item.held_by));
  return o;
}

json::Value to_json(const service::RetentionPlan& plan) {
  json::Value o = plan_header(plan);
  o.set("shreddable", count(plan.shreddable()));
  o.set("held", count(plan.due.size() - plan.shreddable()));
  json::Value due = json::Value::array();
  for (const service::PlanItem& item : plan.due)
    due.push(to_json(item));
  o.set("due", std::move(due));
  return o;
}

json::Value to_json(const service::SweepReport& report) {
  json::Value o = plan_header(report.plan);
  json::Value shredded = json::Value::array();
  for (const std::string& id : report.shredded) {
    json::Value s = json::Value::object();
    const service::PlanItem* item = find_item(report.plan, id);
    s.set("kind", item ? json::Value(vault::enum_name(item->kind)) : json::Value());
    s.set("id", id);
    s.set("rule", item ? json::Value(item->rule) : json::Value());
    s.set("action", item ? json::Value(item->action) : json::Value());
    shredded.push(std::move(s));
  }
  o.set("shredded", std::move(shredded));
  json::Value held = json::Value::array();
  for (const std::string& id : report.held) {
    json::Value h = json::Value::object();
    const service::PlanItem* item = find_item(report.plan, id);
    h.set("kind", item ? json::Value(vault::enum_name(item->kind)) : json::Value());
    h.set("id", id);
    h.set("held_by", json::Value::array_of(item ? item->held_by : std::vector<std::string>()));
    held.push(std::move(h));
  }
  o.set("held", std::move(held));
  o.set("result", "swept");
  return o;
}

json::Value to_json(const vault::LegalHold& hold) {
  json::Value o = json::Value::object();
  o.set("case_id", hold.case_id);
  o.set("reason", hold.reason);
  o.set("placed", format_instant(hold.placed));
  o.set("placed_by", hold.placed_by);
  o.set("released", hold.released ? json::Value(format_instant(*hold.released)) : json::Value());
  o.set("released_by", hold.released ? or_null(hold.released_by) : json::Value());
  return o;
}

std::vector<std::string> plan_table_headers() {
  return {"SOORT/KIND", "ID",          "ROL/ROLE",     "REGEL/RULE",           "AANLEIDING/TRIGGER",
          "DATUM/DATE", "VERVALT/DUE", "ACTIE/ACTION", "BEVROREN DOOR/HELD BY"};
}

std::vector<std::string> plan_table_row(const service::PlanItem& item) {
  return {std::string(vault::enum_name(item.kind)),
          item.id,
          or_dash(item.role),
          item.rule + (item.rule_confirmed ? "" : "*"),
          item.trigger,
          item.trigger_date.to_iso(),
          item.due.to_iso(),
          item.action,
          or_dash(join(item.held_by, ","))};
}

std::vector<std::string> unconfirmed_rules(const std::vector<service::PlanItem>& items) {
  std::vector<std::string> rules;
  for (const service::PlanItem& item : items) {
    if (!item.rule_confirmed && std::find(rules.begin(), rules.end(), item.rule) == rules.end()) {
      rules.push_back(item.rule);
    }
  }
  return rules;
}

}  // namespace mk::cli
