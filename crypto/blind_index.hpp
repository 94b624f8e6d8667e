// Blind indexes: a keyed hash of a normalised value, stored beside its ciphertext so an equality
// lookup needs no decryption. Truncation is deliberate (CipherSweet's planning): with R rows and
// L output bits, about C = R / 2^L rows share each index value, so the index narrows a search to a
// few candidates (confirmed by decrypting) without proving that two rows hold the same value.
#pragma once

#include <cstdint>
#include <span>

#include "base/bytes.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::crypto {

// Keyed BLAKE2b-256 of `input` under `key` (32 bytes), truncated to `bits` (1..256): returns
// ceil(bits/8) bytes, the unused low-order bits of the last byte set to zero. The caller normalises
// `input` first.
Bytes blind_index(const SecretBuffer& key, std::span<const std::uint8_t> input, unsigned bits);

// The planned number of output bits for an index over R = `planned_rows` rows whose inputs carry
// `input_bits` of entropy: L = min(floor(log2(R / 2)), ceil(input_bits)), at least 1; also at most
// 256 (the width of the hash), and 1 when an argument is NaN. (When the input entropy is not the
// limit, C = R / 2^L lies in [2, 4) ⊂ [2, sqrt(R)] for R >= 16.)
unsigned plan_blind_index_bits(double planned_rows, double input_bits);

// Expected rows per index value: R / 2^min(bits, input_bits).
double expected_coincidences(double planned_rows, unsigned bits, double input_bits);

}  // namespace mk::crypto
