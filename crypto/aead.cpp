#include "crypto/aead.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "crypto/aead_detail.hpp"

namespace mk::crypto {

static_assert(kAeadKeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kAeadNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kAeadTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

namespace {

void append_le(Bytes& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

// Decrypts the box into `out` (which has room for sealed.size() - kAeadOverhead bytes).
bool decrypt_into(std::uint8_t* out, const SecretBuffer& key, std::span<const std::uint8_t> sealed,
                  std::span<const std::uint8_t> ad) {
  if (key.size() != kAeadKeySize || sealed.size() < kAeadOverhead) return false;
  const std::uint8_t* nonce = sealed.data();
  std::span<const std::uint8_t> box = sealed.subspan(kAeadNonceSize);  // ciphertext || tag
  // libsodium checks the tag before decrypting: on failure `out` holds zeros, never unauthenticated
  // plaintext.
  return crypto_aead_xchacha20poly1305_ietf_decrypt(out, nullptr, nullptr, box.data(), box.size(),
                                                    ad.data(), ad.size(), nonce, key.data()) == 0;
}

}  // namespace

AssociatedData& AssociatedData::add(std::string_view text) {
  return add_bytes(as_bytes(text));
}

AssociatedData& AssociatedData::add_bytes(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) std::abort();
  append_le(encoded_, bytes.size(), 4);
  encoded_.insert(encoded_.end(), bytes.begin(), bytes.end());
  return *this;
}

AssociatedData& AssociatedData::add_u64(std::uint64_t value) {
  append_le(encoded_, 8, 4);
  append_le(encoded_, value, 8);
  return *this;
}

Bytes seal(const SecretBuffer& key, std::span<const std::uint8_t> plaintext,
           const AssociatedData& ad) {
  std::uint8_t nonce[kAeadNonceSize];
  randombytes_buf(nonce, sizeof nonce);
  return detail::seal_with_nonce(key, nonce, plaintext, ad.encoded());
}

std::optional<Bytes> open(const SecretBuffer& key, std::span<const std::uint8_t> sealed,
                          const AssociatedData& ad) {
  return detail::open_with_raw_ad(key, sealed, ad.encoded());
}

std::optional<SecretBuffer> open_secret(const SecretBuffer& key,
                                        std::span<const std::uint8_t> sealed,
                                        const AssociatedData& ad) {
  if (sealed.size() < kAeadOverhead) return std::nullopt;
  SecretBuffer out(sealed.size() - kAeadOverhead);
  if (!decrypt_into(out.data(), key, sealed, ad.encoded())) return std::nullopt;
  return out;
}

namespace detail {

Bytes seal_with_nonce(const SecretBuffer& key, std::span<const std::uint8_t, kAeadNonceSize> nonce,
                      std::span<const std::uint8_t> plaintext,
                      std::span<const std::uint8_t> associated_data) {
  if (key.size() != kAeadKeySize) std::abort();
  Bytes out(kAeadOverhead + plaintext.size());
  std::copy(nonce.begin(), nonce.end(), out.begin());
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(
          out.data() + kAeadNonceSize, &written, plaintext.data(), plaintext.size(),
          associated_data.data(), associated_data.size(), nullptr, nonce.data(), key.data()) != 0 ||
      written != plaintext.size() + kAeadTagSize) {
    std::abort();  // cannot fail for messages below crypto_aead_..._MESSAGEBYTES_MAX (256 GiB)
  }
  return out;
}

std::optional<Bytes> open_with_raw_ad(const SecretBuffer& key, std::span<const std::uint8_t> sealed,
                                      std::span<const std::uint8_t> associated_data) {
  if (sealed.size() < kAeadOverhead) return std::nullopt;
  Bytes out(sealed.size() - kAeadOverhead);
  if (!decrypt_into(out.data(), key, sealed, associated_data)) return std::nullopt;
  return out;
}

}  // namespace detail

}  // namespace mk::crypto
