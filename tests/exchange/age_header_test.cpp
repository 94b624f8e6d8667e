#include "exchange/age_header.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace mk::exchange {
namespace {

// A syntactically valid MAC line (the parser does not check the MAC itself).
const std::string kMac = "--- " + std::string(43, 'A') + "\n";
const std::string kShare = "TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc";
const std::string kBody = "hjabGXwSLQ9c3S6Lw2i+S2Tu2fiwQHHslbBN6B41FLE";
const std::string k64 = [] {
  std::string s;
  for (int i = 0; i < 16; ++i)
    s += "QUFB";
  return s;  // 48 bytes of 0x41
}();

Result<AgeHeader> parse(const std::string& text) {
  return parse_age_header(as_bytes(text));
}

TEST_CASE("age header: a well-formed header parses, payload left alone",
          "[exchange][age][header]") {
  std::string header = "age-encryption.org/v1\n-> X25519 " + kShare + "\n" + kBody +
                       "\n-> example.org/x a b\n" + k64 + "\n\n" + kMac;
  std::string file = header + "\x01\x02payload";
  auto h = parse(file);
  REQUIRE(h);
  CHECK(h->size == header.size());
  CHECK(h->mac_input_size == header.size() - kMac.size() + 3);
  CHECK(file.substr(h->mac_input_size - 3, 3) == "---");
  REQUIRE(h->stanzas.size() == 2);
  CHECK(h->stanzas[0].type == "X25519");
  CHECK(h->stanzas[0].args == std::vector<std::string>{kShare});
  CHECK(h->stanzas[0].body.size() == 32);
  CHECK(h->stanzas[1].type == "example.org/x");
  CHECK(h->stanzas[1].args == (std::vector<std::string>{"a", "b"}));
  CHECK(h->stanzas[1].body == Bytes(48, 0x41));
  CHECK(h->mac == Bytes(32, 0));
}

TEST_CASE("age header: we serialize what we parse, byte for byte", "[exchange][age][header]") {
  std::vector<AgeStanza> stanzas = {{"X25519", {kShare}, Bytes(32, 7)},
                                    {"t", {}, Bytes(48, 1)},
                                    {"u", {"!", "~"}, Bytes(97, 2)},
                                    {"v", {"x"}, Bytes()}};
  auto key = crypto::SecretBuffer::random(kAgeFileKeySize);
  std::string text = serialize_age_header(stanzas, key);
  auto h = parse(text);
  REQUIRE(h);
  CHECK(h->size == text.size());
  REQUIRE(h->stanzas.size() == stanzas.size());
  for (std::size_t i = 0; i < stanzas.size(); ++i) {
    CHECK(h->stanzas[i].type == stanzas[i].type);
    CHECK(h->stanzas[i].args == stanzas[i].args);
    CHECK(h->stanzas[i].body == stanzas[i].body);
  }
  CHECK(age_header_mac_verifies(key, *h, as_bytes(text)));
  CHECK_FALSE(
      age_header_mac_verifies(crypto::SecretBuffer::random(kAgeFileKeySize), *h, as_bytes(text)));
  // A 48-byte body is one full line and an empty one; an empty body is one empty line.
  std::string aqeb;
  for (int i = 0; i < 16; ++i)
    aqeb += "AQEB";
  CHECK(text.find("\n-> t\n" + aqeb + "\n\n-> u ! ~\n") != std::string::npos);
  CHECK(text.find("\n-> v x\n\n--- ") != std::string::npos);
}

TEST_CASE("age header: everything outside the grammar is refused", "[exchange][age][header]") {
  const std::string v1 = "age-encryption.org/v1\n";
  const std::string stanza = "-> X25519 " + kShare + "\n" + kBody + "\n";
  const std::pair<std::string, const char*> bad[] = {
      {"", "empty"},
      {"age-encryption.org/v1", "version line without newline"},
      {"age-encryption.org/v2\n" + stanza + kMac, "unsupported version"},
      {"AGE-ENCRYPTION.ORG/v1\n" + stanza + kMac, "uppercase version"},
      {"age-encryption.org/v1\r\n" + stanza + kMac, "CRLF version line"},
      {v1 + kMac, "no stanza"},
      {v1 + stanza, "no MAC line"},
      {v1 + "-> X25519 " + kShare + "\r\n" + kBody + "\n" + kMac, "CR in argument line"},
      {v1 + "-> X25519 " + kShare + "\n" + kBody + "\r\n" + kMac, "CR in body"},
      {v1 + "->  X25519 " + kShare + "\n" + kBody + "\n" + kMac, "empty argument"},
      {v1 + "-> X25519 " + kShare + " \n" + kBody + "\n" + kMac, "trailing space"},
      {v1 + "->\n" + kBody + "\n" + kMac, "no arguments"},
      {v1 + "-> \n" + kBody + "\n" + kMac, "empty first argument"},
      {v1 + "-> X25519 caf\xc3\xa9\n" + kBody + "\n" + kMac, "non-ASCII argument"},
      {v1 + "-> X25519 " + kShare + "\n" + kBody + "=\n" + kMac, "padded body"},
      {v1 + "-> X25519 " + kShare + "\n" + kBody.substr(0, 42) + "F\n" + kMac,
       "non-canonical body"},
      {v1 + "-> X25519 " + kShare + "\n" + k64 + "Q\n\n" + kMac, "65-column body line"},
      {v1 + "-> X25519 " + kShare + "\n" + k64 + "\n" + kMac, "body ending in a full line"},
      {v1 + "-> X25519 " + kShare + "\n" + kMac, "missing body"},
      {v1 + "-> X25519 " + kShare + "\n" + kBody + "\n" + kBody + "\n" + kMac, "two short lines"},
      {v1 + "-> X25519 " + kShare + "\n" + " " + kBody + "\n" + kMac, "indented body"},
      {v1 + stanza + "---" + std::string(43, 'A') + "\n", "MAC without space"},
      {v1 + stanza + "---  " + std::string(43, 'A') + "\n", "MAC with two spaces"},
      {v1 + stanza + "--- " + std::string(43, 'A') + " \n", "MAC with trailing space"},
      {v1 + stanza + "--- " + std::string(42, 'A') + "\n", "MAC too short"},
      {v1 + stanza + "--- " + std::string(43, 'A'), "MAC without newline"},
      {v1 + stanza + "--- " + std::string(42, 'A') + "B\n", "non-canonical MAC"},
      {v1 + stanza + "---\n", "MAC missing"},
      {v1 + "garbage\n" + stanza + kMac, "unexpected line"},
  };
  for (const auto& [text, what] : bad) {
    INFO(what);
    auto h = parse(text);
    REQUIRE_FALSE(h);
    CHECK(h.status().code() == Code::kInvalidInput);
  }
}

}  // namespace
}  // namespace mk::exchange
