#include "vault/keyslot_file.hpp"

#include <charconv>

#include "base/base64.hpp"
#include "crypto/hash.hpp"
#include "crypto/hmac.hpp"

namespace mk::vault {
namespace {

constexpr std::string_view kMagic = "meldkluis-keyslots/1";
constexpr std::string_view kKdfName = "argon2id13";

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

// Canonical unsigned decimal: no sign, no leading zeros, fits in uint64.
bool parse_u64(std::string_view text, std::uint64_t& out) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool parse_lower_hex(std::string_view text, std::size_t bytes, Bytes& out) {
  if (text.size() != bytes * 2) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return from_hex(text, out);
}

Status corrupt_at(std::size_t line, std::string_view reason) {
  return vault_corrupt("key-slot file is corrupt or tampered: line " + std::to_string(line) + ": " +
                       std::string(reason));
}

Result<KeySlot> parse_slot(std::string_view line, std::size_t line_no) {
  std::vector<std::string_view> f = split(line, ' ');
  if (f.size() != 8 || f[0] != "slot") return corrupt_at(line_no, "malformed slot line");
  KeySlot slot;
  slot.name = std::string(f[1]);
  if (!valid_slot_name(slot.name)) return corrupt_at(line_no, "invalid slot name");
  std::optional<Role> role = parse_role(f[2]);
  if (!role) return corrupt_at(line_no, "unknown role");
  slot.role = *role;
  if (f[3] != kKdfName) return corrupt_at(line_no, "unknown key derivation function");
  if (!parse_u64(f[4], slot.kdf.opslimit) || !parse_u64(f[5], slot.kdf.memlimit) ||
      !crypto::pwhash_params_acceptable(slot.kdf)) {
    return corrupt_at(line_no, "unacceptable key derivation parameters");
  }
  std::optional<Bytes> salt = base64_decode(f[6]);
  if (!salt || salt->size() != crypto::kPwhashSaltSize) return corrupt_at(line_no, "bad salt");
  slot.salt = std::move(*salt);
  std::optional<Bytes> wrapped = base64_decode(f[7]);
  if (!wrapped || wrapped->size() <= crypto::kAeadOverhead || wrapped->size() > 1024) {
    return corrupt_at(line_no, "bad wrapped key");
  }
  slot.wrapped = std::move(*wrapped);
  return slot;
}

}  // namespace

const KeySlot* KeySlotFile::find(std::string_view name) const {
  for (const KeySlot& slot : slots) {
    if (slot.name == name) return &slot;
  }
  return nullptr;
}

bool valid_slot_name(std::string_view name) {
  if (name.empty() || name.size() > 32) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

crypto::AssociatedData slot_associated_data(ByteView vault_id, const KeySlot& slot) {
  crypto::AssociatedData ad;
  ad.add(kMagic)
      .add_bytes(vault_id)
      .add(slot.name)
      .add(role_name(slot.role))
      .add(kKdfName)
      .add_u64(slot.kdf.opslimit)
      .add_u64(slot.kdf.memlimit)
      .add_bytes(slot.salt);
  return ad;
}

std::string serialize_body(const KeySlotFile& file) {
  std::string out;
  out.append(kMagic).append("\n");
  out.append("vault ").append(to_hex(file.vault_id)).append("\n");
  for (const KeySlot& s : file.slots) {
    out.append("slot ")
        .append(s.name)
        .append(" ")
        .append(role_name(s.role))
        .append(" ")
        .append(kKdfName)
        .append(" ")
        .append(std::to_string(s.kdf.opslimit))
        .append(" ")
        .append(std::to_string(s.kdf.memlimit))
        .append(" ")
        .append(base64_encode(s.salt))
        .append(" ")
        .append(base64_encode(s.wrapped))
        .append("\n");
  }
  return out;
}

std::string serialize_key_slot_file(const KeySlotFile& file,
                                    const crypto::SecretBuffer& slot_file_key) {
  std::string text = serialize_body(file);
  auto mac = crypto::hmac_sha256(slot_file_key, as_bytes(text));
  text.append("mac ").append(base64_encode(mac)).append("\n");
  crypto::Sha256Digest sum = crypto::sha256(as_bytes(text));
  text.append("sum ").append(to_hex(sum)).append("\n");
  return text;
}

Result<ParsedKeySlotFile> parse_key_slot_file(std::string_view text) {
  if (text.size() > kMaxKeySlotFileSize) return corrupt_at(0, "file too large");
  if (text.empty() || text.back() != '\n') return corrupt_at(0, "file is truncated");
  std::vector<std::string_view> lines = split(text.substr(0, text.size() - 1), '\n');
  if (lines.size() < 5) return corrupt_at(lines.size(), "file is truncated");

  // The checksum first: nothing else is trusted before it matches.
  std::string_view sum_line = lines.back();
  std::size_t covered = text.size() - sum_line.size() - 1;
  Bytes sum;
  if (sum_line.substr(0, 4) != "sum " || !parse_lower_hex(sum_line.substr(4), 32, sum)) {
    return corrupt_at(lines.size(), "missing or malformed checksum");
  }
  crypto::Sha256Digest actual = crypto::sha256(as_bytes(text.substr(0, covered)));
  if (!std::equal(actual.begin(), actual.end(), sum.begin(), sum.end())) {
    return corrupt_at(lines.size(), "checksum does not match");
  }

  ParsedKeySlotFile parsed;
  if (lines[0] != kMagic) return corrupt_at(1, "not a meldkluis-keyslots/1 file");
  if (lines[1].substr(0, 6) != "vault " ||
      !parse_lower_hex(lines[1].substr(6), kVaultIdSize, parsed.file.vault_id)) {
    return corrupt_at(2, "malformed vault id");
  }
  std::size_t mac_index = lines.size() - 2;
  for (std::size_t i = 2; i < mac_index; ++i) {
    MK_ASSIGN_OR_RETURN(KeySlot slot, parse_slot(lines[i], i + 1));
    if (parsed.file.find(slot.name)) return corrupt_at(i + 1, "duplicate slot name");
    parsed.file.slots.push_back(std::move(slot));
  }
  if (parsed.file.slots.empty() || parsed.file.slots.size() > kMaxSlots) {
    return corrupt_at(3, "wrong number of slots");
  }
  std::string_view mac_line = lines[mac_index];
  std::optional<Bytes> mac;
  if (mac_line.substr(0, 4) == "mac ") mac = base64_decode(mac_line.substr(4));
  if (!mac || mac->size() != 32) return corrupt_at(mac_index + 1, "missing or malformed mac");
  parsed.mac = std::move(*mac);
  parsed.body =
      std::string(text.substr(0, text.size() - sum_line.size() - 1 - mac_line.size() - 1));
  return parsed;
}

bool key_slot_mac_valid(const ParsedKeySlotFile& parsed,
                        const crypto::SecretBuffer& slot_file_key) {
  return crypto::hmac_sha256_verify(slot_file_key, as_bytes(parsed.body), parsed.mac);
}

}  // namespace mk::vault
