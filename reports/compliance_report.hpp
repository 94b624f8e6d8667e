// The compliance officer's report (issue 6, item 5): what went to whom on what legal basis, where
// retention stands, whether the audit log verifies and its last checkpoint, and which key slots
// open the vault. Plain data, filled by the service layer; it holds counts, partner names, legal
// bases, hashes and slot names only: nothing about a data subject. Rendered as PDF (A4, like the
// mayor's report) and as JSON for the officer's own tools.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "reports/report_pdf.hpp"

namespace mk::reports {

// The `format` member of the JSON.
inline constexpr std::string_view kComplianceReportFormat = "meldkluis-compliance-report/1";

struct DisclosureCount {
  std::string partner;      // the partner's name as registered: "Politie Haaglanden (AVIM)"
  std::string legal_basis;  // as the disclosure policy names it: "AVG art. 6(1)(e); UAVG art. 33"
  std::int64_t count = 0;   // disclosures to that partner on that basis
};

struct RetentionStatus {
  std::int64_t due = 0;      // subjects due under the retention policy, not yet shredded
  std::int64_t overdue = 0;  // of those, due before today (the sweep is late)
  std::int64_t held = 0;     // subjects a legal hold keeps although due
};

struct CheckpointInfo {
  std::uint64_t size = 0;  // entries in the log the checkpoint signs
  std::string root_hash;   // 64 lowercase hex (RFC 6962 root); the PDF shows the first 16
  Instant time;            // when it was signed
};

struct AuditStatus {
  bool verified = false;
  std::string detail;  // the verifier's summary: "1,204 entries; checkpoint consistent"
  std::optional<CheckpointInfo> last_checkpoint;
};

struct KeySlotInfo {
  std::string name;  // the slot's name, the audit actor: "coordinator-1"
  std::string role;  // "coordinator", "compliance", "recovery"
};

struct ComplianceReport {
  std::string municipality;
  Instant created;
  std::vector<DisclosureCount> disclosures;  // one per partner and basis
  RetentionStatus retention;
  AuditStatus audit;
  std::vector<KeySlotInfo> key_slots;
};

// Ok for a report that can be rendered; otherwise kInvalidInput naming the problem (never quoting
// a text): texts must be valid (check_text; the audit detail up to 1000 bytes), counts 0 or more
// (overdue at most due), a partner and basis at most once, a root hash of 64 lowercase hex digits,
// a checkpoint size below 2^63.
Status validate_compliance_report(const ComplianceReport& report);

// The report as pretty-printed JSON (base/json.hpp), for a validated report:
//   {"format": "meldkluis-compliance-report/1", "municipality": ..., "created": "2026-...Z",
//    "disclosures": [{"partner", "legal_basis", "count"}], "disclosures_total": n,
//    "retention": {"due", "overdue", "held"},
//    "audit": {"verified", "detail", "last_checkpoint": {"size", "root_hash", "time"} or null},
//    "key_slots": [{"name", "role"}]}
Result<std::string> render_compliance_json(const ComplianceReport& report);

// The report as a PDF; needs a QGuiApplication as render_report_pdf does.
Result<std::string> render_compliance_pdf(const ComplianceReport& report,
                                          const PdfOptions& options = {});

}  // namespace mk::reports
