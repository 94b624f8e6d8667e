// Bech32 (BIP 173): a human-readable part (HRP), the separator "1", data in a 32-character
// alphabet and a 6-character BCH checksum. age writes its keys in it: recipients as "age1…"
// (lowercase) and identities as "AGE-SECRET-KEY-1…" (uppercase), without BIP 173's 90-character
// limit.
//
// Decoding follows BIP 173 exactly: every character in 33..126, not mixed case (all lowercase or
// all uppercase, the checksum always computed over the lowercase form), the separator is the last
// "1", the HRP has at least one character, the data part at least 6 (the checksum), every data
// character is in the alphabet, and the checksum verifies. Bad input gives kInvalidInput, never an
// abort; messages name the rule broken, never the text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::exchange {

// BIP 173's limit on a whole string. age has none: pass kBech32NoLengthLimit.
inline constexpr std::size_t kBech32Bip173MaxLength = 90;
inline constexpr std::size_t kBech32NoLengthLimit = std::numeric_limits<std::size_t>::max();

enum class LetterCase { kLower, kUpper };

struct Bech32Decoded {
  std::string hrp;                              // lowercase, whatever the case of the text
  Bytes data;                                   // 5-bit values (0..31), checksum removed
  LetterCase letter_case = LetterCase::kLower;  // the case the text was written in
};

// The BIP 173 string of `hrp` and the 5-bit values `data`, in `letter_case`. Requires an HRP of
// at least one character in 33..126 and values below 32; aborts otherwise (an uppercase HRP is
// lowercased first, as the checksum is over the lowercase form).
std::string bech32_encode(std::string_view hrp, ByteView data,
                          LetterCase letter_case = LetterCase::kLower);

// Decodes a BIP 173 string of at most `max_length` characters.
Result<Bech32Decoded> bech32_decode(std::string_view text,
                                    std::size_t max_length = kBech32Bip173MaxLength);

// BIP 173's convertbits(bytes, 8, 5, pad = true): bytes regrouped as 5-bit values, the last one
// padded with zero bits.
Bytes bech32_bytes_to_values(ByteView bytes);

// convertbits(values, 5, 8, pad = false): the bytes the 5-bit values hold, or nullopt when a value
// is above 31, or the padding is 5 bits or more, or not all zero (so each byte string has exactly
// one encoding).
std::optional<Bytes> bech32_values_to_bytes(ByteView values);

// For secrets (age identities): the Bech32 string of `hrp` and `bytes` (regrouped as above), in
// secure memory, in `letter_case`. Same requirements as bech32_encode.
crypto::SecretBuffer bech32_encode_secret(std::string_view hrp, const crypto::SecretBuffer& bytes,
                                          LetterCase letter_case);

// For secrets: decodes `text` (no length limit) whose HRP, as written, must be exactly `hrp`
// (case-sensitive, as age compares it) and whose data must regroup to exactly `size` bytes. The
// bytes, and every intermediate value, stay in secure memory. kInvalidInput otherwise.
Result<crypto::SecretBuffer> bech32_decode_secret(std::string_view text, std::string_view hrp,
                                                  std::size_t size);

}  // namespace mk::exchange
