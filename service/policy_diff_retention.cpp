// diff_retention (policy_diff_parts.hpp): retention rules compared by id. Every sentence names the
// rule and its record class; a changed period names both periods.
#include <algorithm>

#include "service/policy_diff_parts.hpp"

namespace mk::service::policy_diff {
namespace {

using policies::RetentionRule;

std::string list_or_any(const std::vector<std::string>& v) {
  if (v.empty()) return "(any)";
  std::string out;
  for (const std::string& s : v)
    out += (out.empty() ? "" : ",") + s;
  return out;
}

// "signal, outcomes no_suspicion: deidentify P1Y after closed"
std::string summary(const RetentionRule& r) {
  std::string s(policies::enum_name(r.record_class));
  if (!r.roles.empty()) s += ", roles " + list_or_any(r.roles);
  if (!r.outcomes.empty()) s += ", outcomes " + list_or_any(r.outcomes);
  if (!r.disclosed_to.empty()) s += ", disclosed_to " + list_or_any(r.disclosed_to);
  if (!r.not_disclosed_to.empty()) s += ", not_disclosed_to " + list_or_any(r.not_disclosed_to);
  return s + ": " + std::string(policies::enum_name(r.action)) + " " +
         policies::format_iso_period(r.period) + " after " +
         std::string(policies::enum_name(r.trigger));
}

std::string subject(const RetentionRule& r) {
  return q(r.id) + " (" + std::string(policies::enum_name(r.record_class)) + ")";
}

void member(Changes& out, const std::string& file, const RetentionRule& r, const char* nl,
            const char* en, const std::string& was, const std::string& now) {
  if (was == now) return;
  say(out, file, "bewaarregel " + subject(r) + ": " + nl + " " + was + " -> " + now,
      "retention rule " + subject(r) + ": " + en + " " + was + " -> " + now);
}

void diff_rule(const RetentionRule& a, const RetentionRule& b, const std::string& file,
               Changes& out) {
  using policies::enum_name;
  member(out, file, b, "klasse", "class", std::string(enum_name(a.record_class)),
         std::string(enum_name(b.record_class)));
  member(out, file, b, "termijn", "period", policies::format_iso_period(a.period),
         policies::format_iso_period(b.period));
  member(out, file, b, "start", "trigger", std::string(enum_name(a.trigger)),
         std::string(enum_name(b.trigger)));
  member(out, file, b, "actie", "action", std::string(enum_name(a.action)),
         std::string(enum_name(b.action)));
  member(out, file, b, "rollen", "roles", list_or_any(a.roles), list_or_any(b.roles));
  member(out, file, b, "uitkomsten", "outcomes", list_or_any(a.outcomes), list_or_any(b.outcomes));
  member(out, file, b, "verstrekt aan", "disclosed_to", list_or_any(a.disclosed_to),
         list_or_any(b.disclosed_to));
  member(out, file, b, "niet verstrekt aan", "not_disclosed_to", list_or_any(a.not_disclosed_to),
         list_or_any(b.not_disclosed_to));
  if (a.confirmed != b.confirmed) {
    say(out, file,
        "bewaarregel " + subject(b) +
            (b.confirmed ? ": nu bevestigd door de archivaris" : ": niet meer bevestigd"),
        "retention rule " + subject(b) +
            (b.confirmed ? ": now confirmed by the archivist" : ": no longer confirmed"));
  }
  if (a.reference != b.reference) {
    say(out, file, "bewaarregel " + subject(b) + ": bron nu " + q(b.reference),
        "retention rule " + subject(b) + ": reference now " + q(b.reference));
  }
  if (a.note != b.note) {
    say(out, file, "bewaarregel " + subject(b) + ": toelichting gewijzigd",
        "retention rule " + subject(b) + ": note changed");
  }
}

// The ids both versions have, in each version's order.
std::vector<std::string> common_order(const std::vector<RetentionRule>& rules,
                                      const policies::RetentionPolicy& other) {
  std::vector<std::string> ids;
  for (const RetentionRule& r : rules) {
    if (other.find(r.id)) ids.push_back(r.id);
  }
  return ids;
}

}  // namespace

void diff_retention(const policies::RetentionPolicy& before, const policies::RetentionPolicy& after,
                    const std::string& file, Changes& out) {
  for (const RetentionRule& r : before.rules()) {
    if (after.find(r.id)) continue;
    say(out, file, "bewaarregel " + q(r.id) + " verwijderd (was: " + summary(r) + ")",
        "retention rule " + q(r.id) + " removed (was: " + summary(r) + ")");
  }
  for (const RetentionRule& r : after.rules()) {
    const RetentionRule* old = before.find(r.id);
    if (!old) {
      say(out, file, "bewaarregel " + q(r.id) + " toegevoegd: " + summary(r),
          "retention rule " + q(r.id) + " added: " + summary(r));
      continue;
    }
    diff_rule(*old, r, file, out);
  }
  std::vector<std::string> was = common_order(before.rules(), after);
  std::vector<std::string> now = common_order(after.rules(), before);
  if (was != now) {
    say(out, file,
        "volgorde van de bewaarregels gewijzigd (de eerste passende regel beslist): " +
            list_or_any(now),
        "order of the retention rules changed (the first matching rule decides): " +
            list_or_any(now));
  }
}

}  // namespace mk::service::policy_diff
