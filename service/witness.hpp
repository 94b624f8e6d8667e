// Witness cosigning of the audit log (docs/formats/witness.md): the compliance officer keeps a
// witness key of their own outside the vault and, now and then, cosigns a checkpoint the vault
// signed. The witness checks that the checkpoint is consistent with the last one it cosigned (its
// state file, KEYFILE.state, beside the key) and refuses a rolled-back or forked log; the vault
// stores what was cosigned, and `audit verify` reports how far the log is witnessed and warns when
// the unwitnessed tail is older than policies/audit.json allows.
//
// The key and state files are the witness's, not the vault's: the vault never holds the witness's
// secret key, only its verifier key (recorded at the first cosignature; one key per name).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "service/session.hpp"
#include "tlog/checkpoint.hpp"
#include "vault/audit_witness.hpp"

namespace mk::service {

// The name a witness key gets when none is given.
inline constexpr std::string_view kDefaultWitnessName = "meldkluis-witness";

// Writes a new witness key file at `out` (mode 0600; kConflict when it exists, kNotFound when its
// folder does not) under `name` and returns the witness's verifier key text. kInvalidInput for a
// name that is not a valid key name (no spaces, no '+').
Result<std::string> witness_keygen(const std::filesystem::path& out, std::string_view name,
                                   const Clock& clock);

// KEYFILE.state: where the witness keeps what it cosigned.
std::filesystem::path witness_state_path(const std::filesystem::path& key_file);

struct WitnessCosigning {
  std::string note;                 // the checkpoint note with the witness's cosignature added
  tlog::Checkpoint checkpoint;      // what was cosigned
  std::string witness_key;          // the witness's verifier key
  std::uint64_t previous_size = 0;  // the size it had cosigned before (0: none)
};

// Cosigns `checkpoint_note` (a checkpoint this vault signed) with the witness key in `key_file`:
// reads the key and its state file, asks the vault for the consistency proof from the state's
// size to the checkpoint's, lets the witness decide (tlog::cosign_checkpoint), writes the new state
// (atomically), then stores the cosigned note in the vault with the audit event "audit.witness".
// Refusals: kInvalidInput (no checkpoint note, not signed by this vault, a bad key or state file),
// kConflict (a rollback or a fork: the witness's state and the vault are left as they were;
// another key recorded under the witness's name), kNotFound (the key file is missing). Every role.
Result<WitnessCosigning> witness_cosign(Session& s, std::string_view checkpoint_note,
                                        const std::filesystem::path& key_file);

// The vault's log checked against what the witness remembers (`audit verify --witness-state`).
struct WitnessStateCheck {
  bool ok = false;
  std::uint64_t witnessed_size = 0;  // the largest size the witness cosigned for this log
  tlog::Hash witnessed_root{};       // its root
  std::uint64_t entries = 0;         // the vault's log size
  std::string problem;               // empty when ok; names both sizes when the log is shorter
};

// Checks the vault's log against `state_text`, the witness's state file (KEYFILE.state, kept
// outside the vault): the log must hold at least the size the witness cosigned for this vault's
// origin, and its first `size` entries must have the witnessed root. So a vault folder put back
// from an older copy, or a log cut or rewritten below the witnessed size, fails at once (ok ==
// false, "the witness cosigned N entries with root R; this vault ..."), not only at the next
// cosignature; so does a log the witness knows under another key. Errors: kInvalidInput when
// the text is not a witness state file, kNotFound when it holds nothing for this vault's log.
// Reads only; every role.
Result<WitnessStateCheck> check_witness_state(Session& s, std::string_view state_text);

// How far the log is witnessed, for `audit verify`.
struct WitnessReport {
  vault::WitnessVerification verification;  // ok == false: a stored cosignature was tampered with
  std::uint64_t entries = 0;
  int max_unwitnessed_days = 0;  // policies/audit.json
  // Whole days since the oldest unwitnessed entry; nullopt when every entry is witnessed.
  std::optional<std::int64_t> unwitnessed_days;
  bool overdue = false;  // that entry is more than max_unwitnessed_days old
};

// Checks every stored cosignature (vault::verify_witness_cosignatures) and measures the
// unwitnessed tail against the policy, at the vault clock's now. kPolicyInvalid when audit.json
// is invalid. Reads only; every role.
Result<WitnessReport> audit_witness_report(Session& s);

}  // namespace mk::service
