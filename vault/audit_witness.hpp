// Witness cosignatures of the audit log's checkpoints, as the vault keeps them. A witness (the
// compliance officer, with a key of their own kept outside the vault; tlog/witness.hpp) cosigns a
// checkpoint the vault signed after checking it is consistent with the last one it cosigned. The
// vault stores the cosigned notes and the witness's verifier key, recorded at its first cosignature
// (one key per witness name), and checks every stored cosignature when the log is verified.
// Format: docs/formats/witness.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "tlog/cosignature.hpp"
#include "tlog/merkle.hpp"
#include "vault/vault.hpp"

namespace mk::vault {

// The consistency proof (RFC 9162) from the audit log's tree of `old_size` entries to that of
// `new_size`, from the stored tree. kInvalidInput when old_size > new_size; kNotFound when
// new_size exceeds the log's size.
Result<std::vector<tlog::Hash>> audit_consistency_proof(Vault& vault, std::uint64_t old_size,
                                                        std::uint64_t new_size);

// The RFC 6962 root of the audit log's first `size` entries, from the stored tree. kNotFound when
// `size` exceeds the log's size (the message names both sizes).
Result<tlog::Hash> audit_root_at(Vault& vault, std::uint64_t size);

// Ok when `witness` may cosign for this vault: no key, or this very key, is recorded under its
// name; kConflict when another key is.
Status check_witness_key(Vault& vault, const tlog::CosignerKey& witness);

// Stores `note`, a checkpoint of this vault's audit log cosigned by `witness`, and returns the
// checkpoint's size. Requires an open transaction. kInvalidInput when the note does not carry the
// vault's valid signature, is of another log, or carries no valid cosignature of `witness`;
// kVaultCorrupt when the log does not reproduce its root at its size; kConflict when another key
// was recorded under the witness's name. The first cosignature of a name records its key.
Result<std::uint64_t> store_cosigned_checkpoint(Vault& vault, const tlog::CosignerKey& witness,
                                                std::string_view note, Instant now);

// Adds what the witnesses vouched for to an audit export folder `dir` (which exists): the file
// witness-keys.txt (every recorded witness verifier key, one a line, by name; empty when none) and
// the folder cosigned/ with <size>.txt per cosigned size: the checkpoint note of that size as a
// witness stored it, with the cosignature lines of every other witness of that size appended
// (docs/formats/audit-log.md). Returns the number of files in cosigned/. kVaultCorrupt when a
// stored cosigned note is not a signed note at all (audit verify names it).
Result<std::uint64_t> export_witness_records(Vault& vault, const std::filesystem::path& dir);

// What one witness has cosigned, as stored.
struct WitnessRecord {
  std::string name;
  std::string verifier_key;         // tlog::format_cosigner_key text
  Instant recorded{};               // when the vault first saw it
  std::uint64_t size = 0;           // the largest checkpoint it cosigned (0: none)
  std::optional<Instant> cosigned;  // the time in that cosignature
};

struct WitnessVerification {
  bool ok = true;
  std::string problem;  // the first stored cosignature that failed, when !ok
  std::vector<WitnessRecord> witnesses;
  std::uint64_t cosignatures_checked = 0;
  std::uint64_t witnessed_size = 0;  // the largest size any witness cosigned
  // The time of entry `witnessed_size`, the oldest entry no witness cosigned; nullopt when every
  // entry is witnessed.
  std::optional<Instant> oldest_unwitnessed;
};

// Checks every stored cosigned checkpoint: the vault's signature, the recorded witness key's
// cosignature, and the log's root at its size. A failed check is ok == false with the problem
// (tampering), not an error; errors are for an unreadable store.
Result<WitnessVerification> verify_witness_cosignatures(Vault& vault);

}  // namespace mk::vault
