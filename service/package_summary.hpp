// LEESMIJ.txt, the summary for a person who opens a partner package (docs/formats/package.md):
// Dutch, then English; what this is, from whom, to whom, for what purpose, on what basis, when, how
// many records, that persons appear under this partner's pseudonym, and how to check the
// signature. It holds no record data. Internal to the service layer.
#pragma once

#include <cstddef>
#include <string>

#include "service/package_contents.hpp"
#include "service/share_plan.hpp"

namespace mk::service {

struct RecordCounts {
  std::size_t cases = 0;
  std::size_t signals = 0;
  std::size_t persons = 0;
};

std::string package_summary(const SharePlan& plan, const PackageFacts& facts,
                            const RecordCounts& counts);

}  // namespace mk::service
