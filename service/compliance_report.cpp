#include "service/compliance_report.hpp"

#include <chrono>
#include <map>
#include <system_error>
#include <utility>

#include "base/bytes.hpp"
#include "service/audit.hpp"
#include "service/casework.hpp"
#include "service/new_file.hpp"
#include "service/package_contents.hpp"
#include "service/retention.hpp"
#include "service/sharing.hpp"
#include "tlog/checkpoint.hpp"
#include "vault/role.hpp"

namespace mk::service {
namespace {

Result<std::optional<reports::CheckpointInfo>> last_checkpoint(Session& s) {
  Result<std::string> note = vault::latest_checkpoint(s.vault());
  if (!note && note.status().code() == Code::kNotFound) {
    return std::optional<reports::CheckpointInfo>();
  }
  if (!note) return note.status();
  const std::size_t end = note->find("\n\n");
  if (end == std::string::npos) return vault_corrupt("the latest checkpoint is not a signed note");
  MK_ASSIGN_OR_RETURN(tlog::Checkpoint cp, tlog::parse_checkpoint_body(note->substr(0, end + 1)));
  reports::CheckpointInfo info;
  info.size = cp.size;
  info.root_hash = to_hex(ByteView(cp.root.data(), cp.root.size()));
  if (cp.size > 0) {
    MK_ASSIGN_OR_RETURN(std::vector<vault::AuditEntry> entries,
                        vault::read_audit_entries(s.vault(), vault::AuditQuery{}));
    if (entries.size() < cp.size)
      return vault_corrupt("the audit log is shorter than its checkpoint");
    info.time = entries[cp.size - 1].time;
  }
  return std::optional<reports::CheckpointInfo>(info);
}

}  // namespace

Result<reports::ComplianceReport> build_compliance_report(Session& s) {
  reports::ComplianceReport r;
  r.municipality = sender_municipality();
  r.created = s.vault().clock().now();

  MK_ASSIGN_OR_RETURN(std::vector<vault::Disclosure> disclosures, list_disclosures(s));
  std::map<std::pair<std::string, std::string>, std::int64_t> per;
  for (const vault::Disclosure& d : disclosures)
    ++per[{d.partner, d.legal_basis}];
  for (const auto& [key, n] : per)
    r.disclosures.push_back({key.first, key.second, n});

  const Date now = today(s);
  MK_ASSIGN_OR_RETURN(RetentionPlan plan, plan_retention(s, now));
  const Date late = Date::from_sys_days(now.sys_days() - std::chrono::days(kRetentionGraceDays));
  for (const PlanItem& item : plan.due) {
    ++r.retention.due;
    if (!item.held_by.empty()) {
      ++r.retention.held;
    } else if (item.due < late) {
      ++r.retention.overdue;
    }
  }

  MK_ASSIGN_OR_RETURN(vault::AuditVerification v, verify_audit(s, std::nullopt));
  r.audit.verified = v.ok;
  r.audit.detail = std::to_string(v.entries) + " entries; " +
                   std::to_string(v.checkpoints_checked) + " checkpoints checked";
  if (!v.ok) r.audit.detail += "; FAILED: " + v.problem.substr(0, 800);
  MK_ASSIGN_OR_RETURN(r.audit.last_checkpoint, last_checkpoint(s));

  for (const vault::SlotInfo& slot : s.vault().list_slots()) {
    r.key_slots.push_back({slot.name, std::string(vault::role_name(slot.role))});
  }
  MK_RETURN_IF_ERROR(reports::validate_compliance_report(r));
  return r;
}

Result<reports::ComplianceReport> write_compliance_report(Session& s,
                                                          const ComplianceReportFiles& files) {
  MK_ASSIGN_OR_RETURN(reports::ComplianceReport r, build_compliance_report(s));
  MK_ASSIGN_OR_RETURN(std::string pdf, reports::render_compliance_pdf(r));
  std::string json;
  if (files.json) {
    MK_ASSIGN_OR_RETURN(json, reports::render_compliance_json(r));
  }
  for (const auto& path : {std::optional(files.pdf), files.json}) {
    std::error_code ec;
    if (path && std::filesystem::symlink_status(*path, ec).type() !=
                    std::filesystem::file_type::not_found) {
      return conflict("a file exists at the report's path; nothing was written");
    }
  }
  bool written = false;
  Status st = s.transact("report.compliance", [&](vault::UnitOfWork& uow) -> Status {
    uow.record({"report.compliance", "", ""});
    MK_RETURN_IF_ERROR(write_new_file(files.pdf, as_bytes(pdf)));
    written = true;
    if (files.json) MK_RETURN_IF_ERROR(write_new_file(*files.json, as_bytes(json)));
    return Status();
  });
  if (!st.is_ok()) {
    if (written) {
      std::error_code ec;
      std::filesystem::remove(files.pdf, ec);
    }
    return st;
  }
  return r;
}

}  // namespace mk::service
