// The compliance officer's report (issue 6, item 5), filled from the vault's registers as a
// reports::ComplianceReport and written as PDF (and JSON). Counts, partner names, legal bases,
// hashes and slot names only: nothing about a data subject. Every role may make it, the
// compliance role included (it reads metadata only).
//
// What the figures mean:
//   disclosures  every disclosure in the register, per partner and legal basis (shredded
//                disclosures are no longer in the register and are not counted here).
//   retention    plan_retention as of today: `due` every subject due (held ones included),
//                `held` those a legal hold keeps, `overdue` the unheld ones due more than
//                kRetentionGraceDays days before today (a monthly sweep is not late; older is).
//   audit        verify_audit without an outside checkpoint; the last checkpoint's size and root,
//                and as its time the time of the last entry it covers (a checkpoint note carries
//                no time; the vault signs one as each session ends).
//   key slots    every slot's name and role.
#pragma once

#include <filesystem>
#include <optional>

#include "base/result.hpp"
#include "reports/compliance_report.hpp"
#include "service/session.hpp"

namespace mk::service {

inline constexpr int kRetentionGraceDays = 30;

// The report as of the session's clock. Read-only: audits nothing.
Result<reports::ComplianceReport> build_compliance_report(Session& s);

struct ComplianceReportFiles {
  std::filesystem::path pdf;
  std::optional<std::filesystem::path> json;
};

// Builds and renders the report and writes the files (write_new_file: never replacing; kConflict
// when one exists, and then nothing is written). Requires a QGuiApplication
// (reports/offscreen_gui.hpp). Audits "report.compliance".
Result<reports::ComplianceReport> write_compliance_report(Session& s,
                                                          const ComplianceReportFiles& files);

}  // namespace mk::service
