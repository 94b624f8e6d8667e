// How a signal is kept: one row in `signals` (narrative and nature sealed under the signal's own
// subject key, bound to table, column, signal id and key id), its form and indicator codes in
// `signal_codes`, its persons in `signal_persons`. Used by signal_store.cpp; everything else goes
// through signal_store.hpp, which checks input and records audit events.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/signal.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

inline constexpr char kSignalTable[] = "signals";
inline constexpr char kNarrativeColumn[] = "narrative";
inline constexpr char kNatureColumn[] = "nature";

struct SignalRow {
  SignalSummary summary;
  std::string key_id;
};

// The rows selected by `tail` (SQL from code, e.g. " WHERE id = ?1" or a filter with ORDER BY,
// never input) with ?1, ?2 ... bound to `values`, each with its codes, persons and cases.
Result<std::vector<SignalRow>> select_signal_rows(UnitOfWork& uow, std::string_view tail,
                                                  const std::vector<std::string>& values);

// Inserts a new signal's row (every SignalSummary metadata member, created, updated, key id).
Status insert_signal_row(UnitOfWork& uow, const SignalRow& row);
// Rewrites the metadata an update may change, and `updated`.
Status update_signal_metadata(UnitOfWork& uow, const SignalSummary& s);
// Seals `value` into `column` (kNarrativeColumn or kNatureColumn) of the signal's row.
Status write_signal_text(UnitOfWork& uow, const SignalRow& row, const crypto::SecretBuffer& key,
                         std::string_view column, std::string_view value);

struct SignalTexts {
  std::optional<std::string> narrative;
  std::optional<std::string> nature;
};
// Opens narrative and nature; kVaultCorrupt when either does not open in this place.
Result<SignalTexts> read_signal_texts(UnitOfWork& uow, const SignalRow& row,
                                      const crypto::SecretBuffer& key);

// Replaces the signal's codes of `kind` ("form" or "indicator").
Status replace_signal_codes(UnitOfWork& uow, std::string_view id, std::string_view kind,
                            const std::vector<std::string>& codes);
// Links persons (checked ids); persons already linked stay linked once.
Status link_signal_persons(UnitOfWork& uow, std::string_view id,
                           const std::vector<std::string>& person_ids);

}  // namespace mk::vault
