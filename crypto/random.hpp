// Random bytes and random identifiers from the operating system's CSPRNG (libsodium randombytes).
#pragma once

#include <cstddef>
#include <string>

#include "base/bytes.hpp"

namespace mk::crypto {

Bytes random_bytes(std::size_t n);

// `chars` characters of Crockford base32 (0-9, A-Z without I, L, O, U): 5 random bits each.
// Suitable as record ids that people read aloud ("S-7K3M9Q2X").
std::string random_base32(std::size_t chars);

// Uniform in [0, upper_bound); requires upper_bound > 0.
std::uint32_t random_uniform(std::uint32_t upper_bound);

}  // namespace mk::crypto
