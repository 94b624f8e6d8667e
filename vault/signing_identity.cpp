#include "vault/signing_identity.hpp"

#include <algorithm>
#include <string_view>

#include "crypto/hash.hpp"
#include "vault/key_ring.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr std::string_view kKeyIdLabel{"meldkluis/minisign-key-id/v1\0", 29};

}  // namespace

SigningKeyId signing_key_id(const crypto::SigningPublicKey& public_key) {
  Bytes input(kKeyIdLabel.begin(), kKeyIdLabel.end());
  input.insert(input.end(), public_key.begin(), public_key.end());
  Bytes digest = crypto::blake2b(input, 32);
  SigningKeyId id{};
  std::copy_n(digest.begin(), id.size(), id.begin());
  return id;
}

Result<SigningIdentity> package_signing_identity(const Vault& vault) {
  if (!vault.keys().has(KeyName::kPackageSigning)) {
    return forbidden("this role cannot sign packages in the municipality's name");
  }
  SigningIdentity out;
  out.seed = vault.keys().get(KeyName::kPackageSigning).clone();
  out.public_key = crypto::SigningKey(out.seed).public_key();
  out.key_id = signing_key_id(out.public_key);
  return out;
}

}  // namespace mk::vault
