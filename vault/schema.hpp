// The store's schema and its migrations. The schema version lives in PRAGMA user_version; each
// migration moves it up by one inside its own transaction, so a crash mid-migration leaves the
// previous version intact.
#pragma once

#include "base/status.hpp"
#include "vault/database.hpp"

namespace mk::vault {

// The version this build writes and reads.
int current_schema_version();

// Brings the database to current_schema_version(). A database from a newer Meldkluis is refused
// (kConflict) rather than touched.
Status migrate(Database& db);

}  // namespace mk::vault
