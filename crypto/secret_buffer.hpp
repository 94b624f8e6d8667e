// SecretBuffer: the only place a key or passphrase lives. Memory comes from libsodium's
// sodium_malloc (guard pages, mlock'ed so it is not swapped out, excluded from core dumps where the
// OS supports MADV_DONTDUMP) and is zeroed before release. Move-only: a secret is never copied by
// accident.
//
// crypto/ knows nothing of Meldkluis; it wraps libsodium in an API that is hard to misuse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace mk::crypto {

// Initialises libsodium. Must succeed before any other function of crypto/ is used; safe to call
// more than once and from several threads. Returns false when libsodium cannot initialise.
bool initialize();

class SecretBuffer {
 public:
  SecretBuffer() = default;  // empty (size 0)
  // `size` zero bytes in secure memory. Aborts when secure memory cannot be had (out of memory or
  // over RLIMIT_MEMLOCK): continuing without it would put keys in swappable memory.
  explicit SecretBuffer(std::size_t size);
  ~SecretBuffer();

  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;

  // `size` bytes from the operating system's CSPRNG.
  static SecretBuffer random(std::size_t size);
  // A secure copy of `bytes`. The caller remains responsible for wiping its own copy.
  static SecretBuffer copy_of(std::span<const std::uint8_t> bytes);
  static SecretBuffer copy_of(std::string_view text);

  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const std::uint8_t> view() const { return {data_, size_}; }
  std::span<std::uint8_t> mutable_view() { return {data_, size_}; }
  std::string_view as_text() const { return {reinterpret_cast<const char*>(data_), size_}; }

  // An explicit, secure copy. Named so that every duplication of a secret is visible in review.
  SecretBuffer clone() const;

  // Constant-time comparison of size and contents.
  bool equals(const SecretBuffer& other) const;

  // Shrinks the logical size (for a buffer filled only in part); the tail is zeroed.
  // Requires new_size <= size().
  void truncate(std::size_t new_size);

 private:
  void release();
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

// Zeroes memory in a way the compiler cannot remove. For plaintext copies the caller owns.
void wipe(void* data, std::size_t size);

// Constant-time equality of two byte ranges of the same length; false when lengths differ.
bool equal_constant_time(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

}  // namespace mk::crypto
