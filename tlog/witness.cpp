#include "tlog/witness.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "base/base64.hpp"

namespace mk::tlog {
namespace {

constexpr std::string_view kStateHeader = "meldkluis-witness-state/1";

// The lines of `text`, each without its "\n"; a final line without "\n" is kept too.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// The next space-separated word of `line`, removed from it.
std::string_view next_word(std::string_view& line) {
  std::size_t space = line.find(' ');
  std::string_view word = line.substr(0, space);
  line.remove_prefix(space == std::string_view::npos ? line.size() : space + 1);
  return word;
}

Result<WitnessedLog> parse_state_line(std::string_view line) {
  WitnessedLog log;
  std::optional<std::uint64_t> size = parse_size(next_word(line));
  if (!size) return invalid_input("witness state: a size is not a decimal number");
  log.size = *size;
  std::optional<Bytes> root = base64_decode(next_word(line));
  if (!root || root->size() != log.root.size()) {
    return invalid_input("witness state: a root is not base64 of 32 bytes");
  }
  std::copy(root->begin(), root->end(), log.root.begin());
  log.log_key = std::string(next_word(line));
  if (!parse_verifier_key(log.log_key)) return invalid_input("witness state: a log key is invalid");
  if (line.empty()) return invalid_input("witness state: a log has no origin");
  log.origin = std::string(line);
  return log;
}

// The signatures of `note` without any line of `witness`.
std::vector<NoteSignature> others_than(const SignedNote& note, const CosignerKey& witness) {
  std::vector<NoteSignature> kept;
  for (const NoteSignature& sig : note.signatures) {
    if (sig.name == witness.name && sig.key_id == witness.key_id) continue;
    kept.push_back(sig);
  }
  return kept;
}

}  // namespace

crypto::SecretBuffer format_witness_key_file(std::string_view name,
                                             const crypto::SecretBuffer& seed,
                                             std::string_view created) {
  if (!is_valid_key_name(name) || seed.size() != crypto::kSigningSeedSize) std::abort();
  CosignerKey public_key = make_cosigner_key(name, crypto::SigningKey(seed).public_key());
  std::string encoded = base64_encode(seed.view());
  std::string text =
      "# Meldkluis witness key (C2SP cosignature/v1, Ed25519). SECRET: keep it outside the "
      "vault.\n# created: " +
      std::string(created) + "\n# verifier key: " + format_cosigner_key(public_key) + "\n" +
      std::string(kWitnessKeyLabel) + " " + std::string(name) + " " + encoded + "\n";
  crypto::SecretBuffer out = crypto::SecretBuffer::copy_of(std::string_view(text));
  crypto::wipe(text.data(), text.size());
  crypto::wipe(encoded.data(), encoded.size());
  return out;
}

Result<WitnessKey> parse_witness_key_file(std::string_view text) {
  if (text.size() > 64 * 1024) return invalid_input("witness key file: too large");
  std::optional<std::string_view> key_line;
  for (std::string_view line : split_lines(text)) {
    if (line.empty() || line.front() == '#') continue;
    if (key_line) return invalid_input("witness key file: more than one key line");
    key_line = line;
  }
  if (!key_line) return invalid_input("witness key file: no key line");
  std::string_view rest = *key_line;
  if (next_word(rest) != kWitnessKeyLabel) {
    return invalid_input("witness key file: the key line does not start with " +
                         std::string(kWitnessKeyLabel));
  }
  std::string_view name = next_word(rest);
  if (!is_valid_key_name(name)) return invalid_input("witness key file: invalid witness name");
  std::optional<Bytes> seed = base64_decode(rest);
  if (!seed || seed->size() != crypto::kSigningSeedSize) {
    if (seed) crypto::wipe(seed->data(), seed->size());
    return invalid_input("witness key file: the key is not base64 of a 32-byte seed");
  }
  crypto::SecretBuffer secret = crypto::SecretBuffer::copy_of(*seed);
  crypto::wipe(seed->data(), seed->size());
  return WitnessKey{std::string(name), crypto::SigningKey(secret)};
}

const WitnessedLog* WitnessState::find(std::string_view origin) const {
  for (const WitnessedLog& log : logs) {
    if (log.origin == origin) return &log;
  }
  return nullptr;
}

void WitnessState::put(WitnessedLog log) {
  for (WitnessedLog& existing : logs) {
    if (existing.origin == log.origin) {
      existing = std::move(log);
      return;
    }
  }
  logs.push_back(std::move(log));
}

std::string format_witness_state(const WitnessState& state) {
  std::string out = std::string(kStateHeader) + "\n";
  for (const WitnessedLog& log : state.logs) {
    out += std::to_string(log.size) + " " + base64_encode(log.root) + " " + log.log_key + " " +
           log.origin + "\n";
  }
  return out;
}

Result<WitnessState> parse_witness_state(std::string_view text) {
  if (text.size() > kMaxNoteSize) return invalid_input("witness state: too large");
  if (text.empty() || text.back() != '\n') {
    return invalid_input("witness state: the file does not end in a newline");
  }
  std::vector<std::string_view> lines = split_lines(text);
  if (lines.front() != kStateHeader) {
    return invalid_input("witness state: the first line is not " + std::string(kStateHeader));
  }
  WitnessState state;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    MK_ASSIGN_OR_RETURN(WitnessedLog log, parse_state_line(lines[i]));
    if (state.find(log.origin)) return invalid_input("witness state: a log appears twice");
    state.logs.push_back(std::move(log));
  }
  return state;
}

Result<Cosigned> cosign_checkpoint(std::string_view note_text, const VerifierKey& log_key,
                                   const WitnessKey& witness, const WitnessState& state,
                                   std::span<const Hash> proof, std::uint64_t time) {
  if (time > kMaxCosignatureTime) std::abort();
  Result<Checkpoint> checkpoint = open_checkpoint(note_text, log_key);
  if (!checkpoint) {
    return invalid_input(
        "refusing to cosign: the checkpoint does not carry a valid signature of "
        "the log's key");
  }
  const std::string log_key_text = format_verifier_key(log_key);
  const WitnessedLog* last = state.find(checkpoint->origin);
  if (last != nullptr) {
    if (last->log_key != log_key_text) {
      return invalid_input("refusing to cosign: the log " + checkpoint->origin +
                           " is signed with another key than the one this witness cosigned before");
    }
    const std::string n = std::to_string(checkpoint->size);
    const std::string m = std::to_string(last->size);
    if (checkpoint->size < last->size) {
      return conflict("refusing to cosign: the log shrank from " + m + " to " + n +
                      " entries (a rollback): this witness already cosigned a checkpoint of " + m);
    }
    if (checkpoint->size == last->size && checkpoint->root != last->root) {
      return conflict("refusing to cosign: checkpoint " + n +
                      " differs from the one cosigned at the same size (a fork)");
    }
    if (!verify_consistency(last->size, checkpoint->size, last->root, checkpoint->root, proof)) {
      return conflict("refusing to cosign: checkpoint " + n +
                      " is not consistent with the one cosigned at size " + m + " (a fork)");
    }
  }
  MK_ASSIGN_OR_RETURN(SignedNote note, parse_signed_note(note_text));
  CosignerKey cosigner = witness.cosigner_key();
  note.signatures = others_than(note, cosigner);
  if (note.signatures.size() >= kMaxNoteSignatures) {
    return invalid_input("refusing to cosign: the note carries too many signatures");
  }
  Cosigned out;
  out.note = format_signed_note(note) + cosign(note.body, witness.name, witness.key, time);
  out.state = state;
  out.state.put(WitnessedLog{checkpoint->origin, log_key_text, checkpoint->size, checkpoint->root});
  out.checkpoint = std::move(*checkpoint);
  return out;
}

}  // namespace mk::tlog
