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

namespace mk::vault {

// Reads every page of every table and index (PRAGMA integrity_check), so a tampered or corrupt
// page anywhere in use is found now rather than when a record on it is next read. kVaultCorrupt
// when anything is wrong. Cost grows with the store: for verification, not for every open.
Status check_store_integrity(Database& db);

}  // namespace mk::vault
