#include "crypto/secret_buffer.hpp"

#include <catch2/catch.hpp>
#include <type_traits>
#include <utility>

#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::sequence;

static_assert(!std::is_copy_constructible_v<SecretBuffer>);
static_assert(!std::is_copy_assignable_v<SecretBuffer>);
static_assert(std::is_nothrow_move_constructible_v<SecretBuffer>);
static_assert(std::is_nothrow_move_assignable_v<SecretBuffer>);

bool all_zero(std::span<const std::uint8_t> bytes) {
  for (std::uint8_t b : bytes) {
    if (b != 0) return false;
  }
  return true;
}

TEST_CASE("initialize can be called again", "[crypto][secret_buffer]") {
  CHECK(initialize());
  CHECK(initialize());
}

TEST_CASE("a default SecretBuffer is empty", "[crypto][secret_buffer]") {
  SecretBuffer b;
  CHECK(b.empty());
  CHECK(b.size() == 0);
  CHECK(b.data() == nullptr);
  CHECK(b.view().empty());
}

TEST_CASE("a sized SecretBuffer holds zero bytes", "[crypto][secret_buffer]") {
  // sodium_malloc fills new memory with 0xdb; the header promises zeros.
  SecretBuffer b(100);
  REQUIRE(b.size() == 100);
  CHECK_FALSE(b.empty());
  CHECK(all_zero(b.view()));
  SecretBuffer none(0);
  CHECK(none.empty());
}

TEST_CASE("copy_of copies bytes and text", "[crypto][secret_buffer]") {
  Bytes source = sequence(40);
  SecretBuffer b = SecretBuffer::copy_of(source);
  CHECK(Bytes(b.view().begin(), b.view().end()) == source);
  CHECK(b.data() != source.data());

  SecretBuffer t = SecretBuffer::copy_of(std::string_view("correct horse"));
  CHECK(t.as_text() == "correct horse");
  CHECK(SecretBuffer::copy_of(std::string_view()).empty());
}

TEST_CASE("moving a SecretBuffer transfers the memory and empties the source",
          "[crypto][secret_buffer]") {
  SecretBuffer a = SecretBuffer::copy_of(sequence(32));
  const std::uint8_t* memory = a.data();

  SecretBuffer b(std::move(a));
  CHECK(b.data() == memory);
  CHECK(b.size() == 32);
  CHECK(a.empty());  // NOLINT(bugprone-use-after-move): the contract says moved-from is empty
  CHECK(a.data() == nullptr);

  SecretBuffer c = SecretBuffer::copy_of(sequence(8, 100));
  c = std::move(b);
  CHECK(c.data() == memory);
  CHECK(c.size() == 32);
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move)
  CHECK(c.view()[31] == 31);

  SecretBuffer& alias = c;
  c = std::move(alias);  // self-move keeps the contents
  CHECK(c.size() == 32);
  CHECK(c.data() == memory);
}

TEST_CASE("clone is an independent copy", "[crypto][secret_buffer]") {
  SecretBuffer a = SecretBuffer::copy_of(sequence(16));
  SecretBuffer b = a.clone();
  CHECK(b.data() != a.data());
  CHECK(b.equals(a));
  b.mutable_view()[0] ^= 1;
  CHECK_FALSE(b.equals(a));
  CHECK(a.view()[0] == 0);
}

TEST_CASE("equals compares size and every byte", "[crypto][secret_buffer]") {
  SecretBuffer a = SecretBuffer::copy_of(sequence(16));
  CHECK(a.equals(SecretBuffer::copy_of(sequence(16))));
  CHECK_FALSE(a.equals(SecretBuffer::copy_of(sequence(15))));
  CHECK_FALSE(a.equals(SecretBuffer::copy_of(sequence(17))));
  for (std::size_t i = 0; i < 16; ++i) {
    SecretBuffer b = a.clone();
    b.mutable_view()[i] ^= 0x80;
    CHECK_FALSE(a.equals(b));
  }
  CHECK(SecretBuffer().equals(SecretBuffer(0)));
}

TEST_CASE("truncate shrinks the size and zeroes the tail", "[crypto][secret_buffer]") {
  SecretBuffer b = SecretBuffer::copy_of(sequence(32, 1));  // no zero byte in it
  const std::uint8_t* memory = b.data();
  b.truncate(10);
  CHECK(b.size() == 10);
  CHECK(b.view()[9] == 10);
  // The allocation is kept until release, so the old tail is still ours to read.
  CHECK(all_zero({memory + 10, 22}));
  CHECK(b.clone().size() == 10);
  b.truncate(10);
  CHECK(b.size() == 10);
  b.truncate(0);
  CHECK(b.empty());
}

TEST_CASE("random fills the buffer from the CSPRNG", "[crypto][secret_buffer]") {
  SecretBuffer a = SecretBuffer::random(32);
  SecretBuffer b = SecretBuffer::random(32);
  CHECK(a.size() == 32);
  CHECK_FALSE(a.equals(b));
  CHECK_FALSE(all_zero(a.view()));
  CHECK(SecretBuffer::random(0).empty());
}

TEST_CASE("wipe zeroes caller-owned memory", "[crypto][secret_buffer]") {
  Bytes plain = sequence(64, 1);
  wipe(plain.data(), plain.size());
  CHECK(all_zero(plain));
  wipe(nullptr, 0);  // allowed: nothing to do
}

TEST_CASE("equal_constant_time compares lengths and contents", "[crypto][secret_buffer]") {
  Bytes a = sequence(20);
  CHECK(equal_constant_time(a, sequence(20)));
  CHECK_FALSE(equal_constant_time(a, sequence(19)));
  CHECK_FALSE(equal_constant_time(sequence(19), a));
  CHECK(equal_constant_time({}, {}));
  for (std::size_t i = 0; i < a.size(); ++i) {
    Bytes b = a;
    b[i] ^= 1;
    CHECK_FALSE(equal_constant_time(a, b));
  }
}

}  // namespace
}  // namespace mk::crypto
