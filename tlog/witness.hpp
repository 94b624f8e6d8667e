// A witness of transparency logs, knowing nothing of Meldkluis's vault: its key file, its state
// file, and the one decision it makes, whether to cosign a checkpoint (c2sp.org/tlog-cosignature).
//
// A witness cosigns a log's checkpoint only when the log's own signature verifies and the
// checkpoint is consistent with the last one it cosigned for that log (a consistency proof from
// the size and root in its state). So two witnessed checkpoints of one log are always consistent:
// a log that was rolled back (it shrank) or forked (it rewrote history) cannot get a cosignature.
// The files are text, bytes in and bytes out here; reading and writing them is the caller's.
// Formats: docs/formats/witness.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "crypto/signing.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/cosignature.hpp"
#include "tlog/note.hpp"

namespace mk::tlog {

// --- key file ------------------------------------------------------------------------------------

// The first word of the key line of a witness key file.
inline constexpr std::string_view kWitnessKeyLabel = "MELDKLUIS-WITNESS-KEY-1";

// A witness's signing key and name. The seed stays in secure memory (crypto::SigningKey).
struct WitnessKey {
  std::string name;
  crypto::SigningKey key;

  CosignerKey cosigner_key() const { return make_cosigner_key(name, key.public_key()); }
};

// The text of a key file: comment lines ("# ...": what it is, `created`, the verifier key) and
// the line "MELDKLUIS-WITNESS-KEY-1 <name> <base64(32-byte seed)>". The seed is plain text, like an
// age identity file: the file's mode (0600) and where it is kept protect it. Returned in secure
// memory. Requires is_valid_key_name(name) and seed.size() == 32; aborts otherwise.
crypto::SecretBuffer format_witness_key_file(std::string_view name,
                                             const crypto::SecretBuffer& seed,
                                             std::string_view created);

// The inverse: comment lines and empty lines are skipped; exactly one key line with a valid name
// and canonical base64 of 32 bytes must remain. kInvalidInput otherwise (the message never quotes
// the seed).
Result<WitnessKey> parse_witness_key_file(std::string_view text);

// --- state file ----------------------------------------------------------------------------------

// What a witness last cosigned for one log, and the log's key it then trusted.
struct WitnessedLog {
  std::string origin;
  std::string log_key;  // the log's verifier key text (note.hpp), fixed at the first cosignature
  std::uint64_t size = 0;
  Hash root{};

  friend bool operator==(const WitnessedLog&, const WitnessedLog&) = default;
};

struct WitnessState {
  std::vector<WitnessedLog> logs;  // at most one per origin

  const WitnessedLog* find(std::string_view origin) const;
  // Replaces the log with the same origin, or adds it.
  void put(WitnessedLog log);

  friend bool operator==(const WitnessState&, const WitnessState&) = default;
};

// "meldkluis-witness-state/1\n" then one line per log: "<size> <base64(root)> <log key>
// <origin>\n" (the origin last: it may hold spaces).
std::string format_witness_state(const WitnessState& state);

// The inverse of format_witness_state; kInvalidInput for anything it would not write (a wrong
// first line, a size that is not canonical decimal, a root that is not base64 of 32 bytes, a log
// key that does not parse, an empty or repeated origin).
Result<WitnessState> parse_witness_state(std::string_view text);

// --- the decision --------------------------------------------------------------------------------

struct Cosigned {
  std::string note;       // the checkpoint note with the witness's cosignature line appended
  Checkpoint checkpoint;  // what was cosigned
  WitnessState state;     // the state to keep from now on
};

// Cosigns the checkpoint note `note_text` at `time` when it may, given what `state` remembers of
// its log. `proof` is a consistency proof from the state's (size, root) for this origin to the
// checkpoint (empty when the state holds nothing for it, or the sizes are equal). Refuses with:
//   kInvalidInput  the note is malformed or does not carry a valid signature of `log_key`, or
//                  `log_key` is not the key the state recorded for this origin;
//   kConflict      "the log shrank from N to M" (a rollback), "checkpoint N differs from the one
//                  cosigned at the same size" or "checkpoint N is not consistent with the one
//                  cosigned at size M" (a fork).
// Only on success does it return the cosigned note and the new state. A cosignature the note
// already carries from this witness is replaced. Requires time <= kMaxCosignatureTime.
Result<Cosigned> cosign_checkpoint(std::string_view note_text, const VerifierKey& log_key,
                                   const WitnessKey& witness, const WitnessState& state,
                                   std::span<const Hash> proof, std::uint64_t time);

}  // namespace mk::tlog
