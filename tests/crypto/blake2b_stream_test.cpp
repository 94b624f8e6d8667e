#include <catch2/catch.hpp>

#include "crypto/hash.hpp"
#include "hex_util.hpp"

namespace mk::crypto {
namespace {

using test::hex;
using test::sequence;

TEST_CASE("streaming BLAKE2b-512 matches RFC 7693 appendix A", "[crypto][hash][blake2b]") {
  Blake2b h;
  CHECK(h.update(as_bytes("a")).update(as_bytes("bc")).finish() ==
        hex("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"));
}

TEST_CASE("streaming BLAKE2b equals the one-shot hash, and restarts after finish()",
          "[crypto][hash][blake2b]") {
  Bytes data = sequence(1000);
  for (std::size_t size : {std::size_t{16}, std::size_t{32}, std::size_t{64}}) {
    Blake2b h(size);
    for (std::size_t i = 0; i < data.size(); i += 97)
      h.update(ByteView(data).subspan(i, std::min<std::size_t>(97, data.size() - i)));
    Bytes streamed = h.finish();
    CHECK(streamed == blake2b(data, size));
    CHECK(h.finish() == blake2b({}, size));  // a fresh, empty hash
  }
}

}  // namespace
}  // namespace mk::crypto
