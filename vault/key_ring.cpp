#include "vault/key_ring.hpp"

#include <cstdlib>

#include "crypto/subkeys.hpp"

namespace mk::vault {
namespace {

constexpr char kContext[] = "MKvault1";
constexpr std::uint8_t kBundleVersion = 1;

constexpr KeyName kDerived[] = {KeyName::kDatabase,      KeyName::kSlotFile,   KeyName::kAuditSeed,
                                KeyName::kFieldWrap,     KeyName::kBlindIndex, KeyName::kPseudonym,
                                KeyName::kPackageSigning};
constexpr KeyName kComplianceKeys[] = {KeyName::kDatabase, KeyName::kSlotFile, KeyName::kAuditSeed};

}  // namespace

KeyRing KeyRing::from_root(crypto::SecretBuffer root) {
  if (root.size() != kKeySize) std::abort();
  KeyRing ring;
  for (KeyName name : kDerived) {
    ring.keys_[index(name)] =
        crypto::derive_subkey(root, kContext, static_cast<std::uint64_t>(name), kKeySize);
  }
  ring.keys_[index(KeyName::kRoot)] = std::move(root);
  return ring;
}

KeyRing KeyRing::compliance_subset() const {
  KeyRing subset;
  for (KeyName name : kComplianceKeys)
    subset.keys_[index(name)] = get(name).clone();
  return subset;
}

KeyRing KeyRing::for_role(Role role) const {
  if (holds_all_keys(role)) return from_root(get(KeyName::kRoot).clone());
  return compliance_subset();
}

const crypto::SecretBuffer& KeyRing::get(KeyName name) const {
  const auto& key = keys_[index(name)];
  if (!key) std::abort();
  return *key;
}

crypto::SecretBuffer KeyRing::serialize() const {
  std::size_t count = 0;
  for (std::size_t i = 0; i < kKeyNameCount; ++i) {
    if (keys_[i] && (!is_full() || i == index(KeyName::kRoot))) ++count;
  }
  crypto::SecretBuffer out(2 + count * (1 + kKeySize));
  std::uint8_t* p = out.data();
  *p++ = kBundleVersion;
  *p++ = static_cast<std::uint8_t>(count);
  for (std::size_t i = 0; i < kKeyNameCount; ++i) {
    if (!keys_[i] || (is_full() && i != index(KeyName::kRoot))) continue;
    *p++ = static_cast<std::uint8_t>(i);
    for (std::uint8_t b : keys_[i]->view())
      *p++ = b;
  }
  return out;
}

std::optional<KeyRing> KeyRing::deserialize(std::span<const std::uint8_t> bundle) {
  if (bundle.size() < 2 || bundle[0] != kBundleVersion) return std::nullopt;
  std::size_t count = bundle[1];
  if (count == 0 || count > kKeyNameCount || bundle.size() != 2 + count * (1 + kKeySize)) {
    return std::nullopt;
  }
  KeyRing ring;
  std::size_t offset = 2;
  for (std::size_t n = 0; n < count; ++n) {
    std::size_t name = bundle[offset];
    if (name >= kKeyNameCount || ring.keys_[name]) return std::nullopt;
    ring.keys_[name] = crypto::SecretBuffer::copy_of(bundle.subspan(offset + 1, kKeySize));
    offset += 1 + kKeySize;
  }
  if (ring.is_full()) {
    if (count != 1) return std::nullopt;
    return from_root(std::move(*ring.keys_[index(KeyName::kRoot)]));
  }
  // Without the root, only the compliance set is a valid bundle: exactly those keys.
  if (count != std::size(kComplianceKeys)) return std::nullopt;
  for (KeyName name : kComplianceKeys) {
    if (!ring.has(name)) return std::nullopt;
  }
  return ring;
}

}  // namespace mk::vault
