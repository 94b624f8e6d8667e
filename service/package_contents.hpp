// The three members of a partner package (docs/formats/package.md) built from a share plan:
// manifest.json (who, to whom, why, on what basis, what was left out), records.json (the minimised
// and pseudonymised records, with package-local refs) and LEESMIJ.txt (a summary for a person,
// Dutch then English); and the field lists the disclosure register keeps. Internal to the service
// layer: export_share calls it inside its unit of work.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "exchange/package.hpp"
#include "service/share_plan.hpp"

namespace mk::service {

// The sending municipality's name in manifests and summaries: $MELDKLUIS_MUNICIPALITY when set to
// one line of text, else "Gemeente Rijswijk" (the municipality whose policy Meldkluis serves).
std::string sender_municipality();

// What the plan does not hold: the package's own facts and the texts decrypted for it.
struct PackageFacts {
  std::string municipality;
  std::string signing_key_id;  // 16 uppercase hex digits, as minisign shows it
  std::string file_name;       // the name the package file gets
  Instant created;
  std::optional<std::string> case_summary;  // decrypted when case.summary goes
  // Per signal id, decrypted when signal.narrative or signal.nature goes.
  std::map<std::string, std::optional<std::string>> narratives;
  std::map<std::string, std::optional<std::string>> natures;
};

// Field names for the register (vault::DisclosureInput): what went as stored or generalised
// (`fields`), which of those went coarser (`generalised`), what the pseudonym stood in for, and
// what stayed (a role withheld whole counts as all its fields).
struct RegisterFields {
  std::vector<std::string> fields;
  std::vector<std::string> pseudonymised;
  std::vector<std::string> generalised;
  std::vector<std::string> withheld;
};

struct BuiltPackage {
  exchange::PackageContents contents;
  RegisterFields register_fields;
  std::size_t record_count = 0;
};

// Requires a plan without refusal, every person that goes decrypted, and the texts the purpose
// sends in `facts`. Never fails on valid plans; the Result carries kInternal for a plan that breaks
// these rules.
Result<BuiltPackage> build_package(const SharePlan& plan, const PackageFacts& facts);

}  // namespace mk::service
