// The text header of an age v1 file (c2sp.org/age, "Header"), binary format (not armored):
//
//   age-encryption.org/v1\n
//   -> <type> <arg>...\n               one or more stanzas: an argument line,
//   <base64 body, 64 columns>\n        then the body in lines of exactly 64 characters,
//   <last body line, 0..63 columns>\n  ending with one shorter line (which may be empty)
//   --- <base64 header MAC, 43 characters>\n
//
// base64 is RFC 4648 §4 without "=" padding, canonical only. An argument is 1+ characters in
// 0x21..0x7E, separated by single spaces. The MAC is HMAC-SHA-256 under
// HKDF-SHA-256(ikm = file key, salt = empty, info = "header") over the header up to and including
// "---" (not the space after it).
//
// The parser accepts exactly this grammar (the ABNF of the spec) and nothing else: no "\r", no
// extra spaces, no empty arguments, no padding, no body line longer than 64 or a 64-column line
// ending a body, no other version. kInvalidInput, naming the line, for anything else; never an
// abort. It does not check the MAC (that needs the file key).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/hmac.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::exchange {

inline constexpr std::string_view kAgeVersionLine = "age-encryption.org/v1\n";
inline constexpr std::size_t kAgeFileKeySize = 16;
inline constexpr std::size_t kAgeHeaderMacSize = 32;
// Body bytes per full 64-column line.
inline constexpr std::size_t kAgeBodyBytesPerLine = 48;

struct AgeStanza {
  std::string type;               // the first argument ("X25519", "scrypt", …)
  std::vector<std::string> args;  // the arguments after the type (may be empty)
  Bytes body;
};

struct AgeHeader {
  std::vector<AgeStanza> stanzas;  // one or more
  Bytes mac;                       // kAgeHeaderMacSize bytes, as written
  std::size_t mac_input_size = 0;  // the header's bytes up to and including "---"
  std::size_t size = 0;            // the header's bytes, through the MAC line's "\n"
};

// Parses the header at the start of `file` (the payload follows it).
Result<AgeHeader> parse_age_header(ByteView file);

// The header text up to and including "---" for `stanzas`, in the canonical form above. Requires
// at least one stanza, a type and arguments of 1+ characters in 0x21..0x7E; aborts otherwise.
std::string age_header_mac_input(const std::vector<AgeStanza>& stanzas);

// HMAC-SHA-256 under HKDF-SHA-256(file key, "", "header") of `mac_input`.
crypto::HmacSha256Tag age_header_mac(const crypto::SecretBuffer& file_key, ByteView mac_input);

// Constant-time check of the header's MAC against `file`'s bytes.
bool age_header_mac_verifies(const crypto::SecretBuffer& file_key, const AgeHeader& header,
                             ByteView file);

// The whole header: age_header_mac_input(stanzas) + " " + base64(MAC) + "\n".
std::string serialize_age_header(const std::vector<AgeStanza>& stanzas,
                                 const crypto::SecretBuffer& file_key);

}  // namespace mk::exchange
