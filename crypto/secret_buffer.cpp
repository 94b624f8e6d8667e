#include "crypto/secret_buffer.hpp"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace mk::crypto {

bool initialize() {
  // sodium_init() is thread-safe and returns 1 when libsodium was already initialised.
  return sodium_init() >= 0;
}

SecretBuffer::SecretBuffer(std::size_t size) {
  if (size == 0) return;  // empty: no allocation, data() stays null
  void* p = sodium_malloc(size);
  if (p == nullptr) std::abort();
  // sodium_malloc() ignores a failed mlock() (e.g. over RLIMIT_MEMLOCK) and carries on with
  // swappable memory. Lock again and check, so that the header's promise holds.
  if (sodium_mlock(p, size) != 0) {
    sodium_free(p);
    std::abort();
  }
  std::memset(p, 0, size);  // sodium_malloc fills with 0xdb
  data_ = static_cast<std::uint8_t*>(p);
  size_ = size;
}

SecretBuffer::~SecretBuffer() {
  release();
}

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void SecretBuffer::release() {
  // sodium_free zeroes the whole allocation (not only the logical size) before unmapping it.
  if (data_ != nullptr) sodium_free(data_);
  data_ = nullptr;
  size_ = 0;
}

SecretBuffer SecretBuffer::random(std::size_t size) {
  SecretBuffer out(size);
  if (size != 0) randombytes_buf(out.data_, size);
  return out;
}

SecretBuffer SecretBuffer::copy_of(std::span<const std::uint8_t> bytes) {
  SecretBuffer out(bytes.size());
  if (!bytes.empty()) std::memcpy(out.data_, bytes.data(), bytes.size());
  return out;
}

SecretBuffer SecretBuffer::copy_of(std::string_view text) {
  return copy_of(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()),
                                               text.size()));
}

SecretBuffer SecretBuffer::clone() const {
  return copy_of(view());
}

bool SecretBuffer::equals(const SecretBuffer& other) const {
  // Sizes of secrets are not secret (keys have fixed sizes); only the contents are compared in
  // constant time.
  return equal_constant_time(view(), other.view());
}

void SecretBuffer::truncate(std::size_t new_size) {
  if (new_size > size_) std::abort();
  if (new_size < size_) sodium_memzero(data_ + new_size, size_ - new_size);
  size_ = new_size;  // the allocation itself is kept until release()
}

void wipe(void* data, std::size_t size) {
  if (data != nullptr && size != 0) sodium_memzero(data, size);
}

bool equal_constant_time(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace mk::crypto
