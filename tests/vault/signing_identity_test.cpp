// The package-signing key: derived from the root, the same in every coordinator session, never in
// a compliance slot, and the key slot file's format unchanged by it.
#include "vault/signing_identity.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "crypto/signing.hpp"
#include "crypto/subkeys.hpp"
#include "test_vault_fixture.hpp"
#include "vault/key_ring.hpp"

namespace mk::vault {
namespace {

using test::code_of;
using test::TestVault;

SigningIdentity identity_of(const Vault& v) {
  Result<SigningIdentity> id = package_signing_identity(v);
  MK_REQUIRE_OK(id);
  return std::move(*id);
}

}  // namespace

TEST_CASE("the package-signing identity is the root's subkey 7, stable across sessions") {
  TestVault tv;
  SigningIdentity first = identity_of(tv.vault());
  REQUIRE(first.seed.size() == crypto::kSigningSeedSize);
  crypto::SecretBuffer expected =
      crypto::derive_subkey(tv.vault().keys().get(KeyName::kRoot), "MKvault1", 7, 32);
  CHECK(first.seed.equals(expected));
  CHECK(first.public_key == crypto::SigningKey(first.seed).public_key());
  // Not the key that signs audit checkpoints.
  CHECK_FALSE(first.seed.equals(tv.vault().keys().get(KeyName::kAuditSeed)));

  const std::string_view label("meldkluis/minisign-key-id/v1\0", 29);
  Bytes input(label.begin(), label.end());
  input.insert(input.end(), first.public_key.begin(), first.public_key.end());
  Bytes digest = crypto::blake2b(input, 32);
  CHECK(Bytes(first.key_id.begin(), first.key_id.end()) ==
        Bytes(digest.begin(), digest.begin() + 8));
  CHECK(signing_key_id(first.public_key) == first.key_id);

  // A signature made with it verifies against its public key.
  std::string_view message = "pakket voor SHOP";
  crypto::Signature sig = crypto::SigningKey(first.seed).sign(as_bytes(message));
  CHECK(crypto::verify_signature(first.public_key, as_bytes(message), sig));

  MK_REQUIRE_OK(tv.reopen(test::kCoordinatorPassphrase));
  SigningIdentity again = identity_of(tv.vault());
  CHECK(again.seed.equals(first.seed));
  CHECK(again.public_key == first.public_key);
  CHECK(again.key_id == first.key_id);

  TestVault other;
  CHECK(identity_of(other.vault()).public_key != first.public_key);
}

TEST_CASE("the compliance role holds no package-signing key and cannot sign") {
  TestVault tv;
  tv.reopen_as_compliance();
  CHECK_FALSE(tv.vault().keys().has(KeyName::kPackageSigning));
  CHECK(code_of(package_signing_identity(tv.vault())) == Code::kForbidden);
}

TEST_CASE("a full ring still stores only its root; a compliance ring never the signing key") {
  KeyRing full = KeyRing::from_root(crypto::SecretBuffer::random(kKeySize));
  REQUIRE(full.has(KeyName::kPackageSigning));
  crypto::SecretBuffer bundle = full.serialize();
  CHECK(bundle.size() == 2 + 1 + kKeySize);  // version, count, root
  std::optional<KeyRing> back = KeyRing::deserialize(bundle.view());
  REQUIRE(back);
  CHECK(back->get(KeyName::kPackageSigning).equals(full.get(KeyName::kPackageSigning)));

  KeyRing compliance = full.for_role(Role::kCompliance);
  CHECK_FALSE(compliance.has(KeyName::kPackageSigning));
  CHECK_FALSE(compliance.has(KeyName::kPseudonym));
  crypto::SecretBuffer subset = compliance.serialize();
  CHECK(subset.size() == 2 + 3 * (1 + kKeySize));
  REQUIRE(KeyRing::deserialize(subset.view()));

  // A root-less bundle that adds the signing key to the compliance set is not a valid bundle.
  crypto::SecretBuffer widened(subset.size() + 1 + kKeySize);
  std::copy(subset.view().begin(), subset.view().end(), widened.data());
  widened.data()[1] = 4;
  widened.data()[subset.size()] = static_cast<std::uint8_t>(KeyName::kPackageSigning);
  CHECK_FALSE(KeyRing::deserialize(widened.view()));
}

}  // namespace mk::vault
