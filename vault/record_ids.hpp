// Record ids: a letter naming the kind, a dash and 8 Crockford base32 characters (40 random bits),
// e.g. "P-7K3M9Q2X". Short enough to read over the phone; they carry no information.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

// A fresh id with `prefix` ('P', 'S', 'C' ...) not yet used in `table` (a table name from code,
// never from input).
Result<std::string> new_record_id(UnitOfWork& uow, std::string_view table, char prefix);

// True when `id` has the shape of an id with that prefix. Lets bad input fail before any query.
bool looks_like_id(std::string_view id, char prefix);

}  // namespace mk::vault
