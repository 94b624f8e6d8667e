// The blind indexes over persons: name + date of birth, BSN, and document number. Each is a keyed
// BLAKE2b of a normalised value under its own key (derived from the blind_index key), truncated to
// the vault's planned number of bits (docs/formats/blind-index.md). A lookup returns candidates
// that the caller confirms by decrypting.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"
#include "vault/person.hpp"

namespace mk::vault {

class Vault;

enum class PersonIndexKind { kNameDob, kBsn, kDocument };
std::string_view person_index_kind_name(PersonIndexKind kind);  // "name_dob", "bsn", "document"

// Normalised index inputs; nullopt when the identity lacks what the index needs.
//  name_dob: the folded name's words sorted, joined by one space, then 0x1F, then the ISO date;
//            so "Jansen, Piet" and "piet JANSEN" match.
//  bsn:      the canonical 9 digits.
//  document: letters and digits only, upper case.
std::optional<std::string> normalised_index_input(PersonIndexKind kind,
                                                  const PersonIdentity& identity);

class PersonIndexer {
 public:
  // Requires a vault whose role holds the blind_index key (kForbidden otherwise).
  static Result<PersonIndexer> for_vault(Vault& vault);

  // The digest of a normalised input.
  Bytes digest(PersonIndexKind kind, std::string_view normalised) const;
  unsigned bits() const { return bits_; }

 private:
  PersonIndexer(std::vector<crypto::SecretBuffer> keys, unsigned bits)
      : keys_(std::move(keys)), bits_(bits) {}
  std::vector<crypto::SecretBuffer> keys_;  // indexed by PersonIndexKind
  unsigned bits_;
};

}  // namespace mk::vault
