#include "reports/compliance_report.hpp"

#include <cstdint>
#include <set>
#include <utility>

#include "base/json.hpp"
#include "base/utf8.hpp"
#include "reports/label.hpp"

namespace mk::reports {

namespace {

constexpr std::size_t kMaxDetailBytes = 1000;

bool is_root_hash(const std::string& h) {
  if (h.size() != 64) return false;
  for (char c : h)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

json::Value count(std::int64_t n) {
  return json::Value(n);
}

}  // namespace

Status validate_compliance_report(const ComplianceReport& r) {
  MK_RETURN_IF_ERROR(check_text(r.municipality, "compliance report: municipality"));
  std::set<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 0; i < r.disclosures.size(); ++i) {
    const DisclosureCount& d = r.disclosures[i];
    const std::string what = "compliance report: disclosure line " + std::to_string(i + 1);
    MK_RETURN_IF_ERROR(check_text(d.partner, what + ": partner"));
    MK_RETURN_IF_ERROR(check_text(d.legal_basis, what + ": legal basis"));
    if (d.count < 0) return invalid_input(what + ": count is negative");
    if (!pairs.emplace(d.partner, d.legal_basis).second) {
      return invalid_input(what + ": the same partner and legal basis as an earlier line");
    }
  }
  const RetentionStatus& t = r.retention;
  if (t.due < 0 || t.overdue < 0 || t.held < 0) {
    return invalid_input("compliance report: a retention count is negative");
  }
  if (t.overdue > t.due) {
    return invalid_input("compliance report: more subjects overdue than due");
  }
  const std::string& detail = r.audit.detail;
  if (!detail.empty() && (detail.size() > kMaxDetailBytes || !is_valid_utf8(detail) ||
                          has_control_characters(detail))) {
    return invalid_input("compliance report: audit detail is not up to " +
                         std::to_string(kMaxDetailBytes) +
                         " bytes of UTF-8 without control characters");
  }
  if (r.audit.last_checkpoint && !is_root_hash(r.audit.last_checkpoint->root_hash)) {
    return invalid_input("compliance report: checkpoint root hash is not 64 lowercase hex digits");
  }
  if (r.audit.last_checkpoint &&
      r.audit.last_checkpoint->size > static_cast<std::uint64_t>(INT64_MAX)) {
    return invalid_input("compliance report: checkpoint size is out of range");
  }
  for (std::size_t i = 0; i < r.key_slots.size(); ++i) {
    const std::string what = "compliance report: key slot " + std::to_string(i + 1);
    MK_RETURN_IF_ERROR(check_text(r.key_slots[i].name, what + ": name"));
    MK_RETURN_IF_ERROR(check_text(r.key_slots[i].role, what + ": role"));
  }
  return Status::ok();
}

Result<std::string> render_compliance_json(const ComplianceReport& r) {
  MK_RETURN_IF_ERROR(validate_compliance_report(r));
  json::Value out = json::Value::object();
  out.set("format", json::Value(kComplianceReportFormat));
  out.set("municipality", r.municipality);
  out.set("created", format_instant(r.created));
  json::Value disclosures = json::Value::array();
  std::int64_t total = 0;
  for (const DisclosureCount& d : r.disclosures) {
    json::Value line = json::Value::object();
    line.set("partner", d.partner).set("legal_basis", d.legal_basis).set("count", count(d.count));
    disclosures.push(std::move(line));
    total += d.count;
  }
  out.set("disclosures", std::move(disclosures));
  out.set("disclosures_total", count(total));
  json::Value retention = json::Value::object();
  retention.set("due", count(r.retention.due))
      .set("overdue", count(r.retention.overdue))
      .set("held", count(r.retention.held));
  out.set("retention", std::move(retention));
  json::Value audit = json::Value::object();
  audit.set("verified", r.audit.verified).set("detail", r.audit.detail);
  if (r.audit.last_checkpoint) {
    const CheckpointInfo& cp = *r.audit.last_checkpoint;
    json::Value checkpoint = json::Value::object();
    checkpoint.set("size", count(static_cast<std::int64_t>(cp.size)))
        .set("root_hash", cp.root_hash)
        .set("time", format_instant(cp.time));
    audit.set("last_checkpoint", std::move(checkpoint));
  } else {
    audit.set("last_checkpoint", json::Value());
  }
  out.set("audit", std::move(audit));
  json::Value slots = json::Value::array();
  for (const KeySlotInfo& k : r.key_slots) {
    json::Value slot = json::Value::object();
    slot.set("name", k.name).set("role", k.role);
    slots.push(std::move(slot));
  }
  out.set("key_slots", std::move(slots));
  return json::serialize(out, true);
}

}  // namespace mk::reports
