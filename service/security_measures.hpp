// The security measures the register of processing activities lists (AVG art. 30(1)(g)): each a
// constant stating what the code does, with the SECURITY.md section (or format document) that
// explains it. They describe this build of Meldkluis, not a municipality's choices, so they are
// code rather than policy data; a change to a measure changes this list in the same commit.
#pragma once

#include <vector>

#include "reports/processing_register.hpp"

namespace mk::service {

// Every measure, in a fixed order: keys, storage, access, audit, retention, exchange, process.
const std::vector<reports::SecurityMeasure>& security_measures();

}  // namespace mk::service
