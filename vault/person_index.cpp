#include "vault/person_index.hpp"

#include <algorithm>
#include <charconv>

#include "base/text_fold.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/subkeys.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr char kIndexContext[] = "MKblind1";
constexpr PersonIndexKind kKinds[] = {PersonIndexKind::kNameDob, PersonIndexKind::kBsn,
                                      PersonIndexKind::kDocument};

std::string sorted_words(std::string_view folded) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

}  // namespace

std::string_view person_index_kind_name(PersonIndexKind kind) {
  switch (kind) {
    case PersonIndexKind::kNameDob:
      return "name_dob";
    case PersonIndexKind::kBsn:
      return "bsn";
    case PersonIndexKind::kDocument:
      return "document";
  }
  return "name_dob";
}

std::optional<std::string> normalised_index_input(PersonIndexKind kind,
                                                  const PersonIdentity& identity) {
  switch (kind) {
    case PersonIndexKind::kNameDob: {
      const auto& name = identity.get(PersonField::kName);
      const auto& dob = identity.get(PersonField::kDateOfBirth);
      if (!name || !dob) return std::nullopt;
      std::string words = sorted_words(fold_for_matching(*name));
      if (words.empty()) return std::nullopt;
      return words + '\x1f' + *dob;
    }
    case PersonIndexKind::kBsn:
      return identity.get(PersonField::kBsn);
    case PersonIndexKind::kDocument: {
      const auto& doc = identity.get(PersonField::kDocumentNumber);
      if (!doc) return std::nullopt;
      std::string out;
      for (char c : *doc) {
        if (c >= 'a' && c <= 'z')
          out.push_back(static_cast<char>(c - 'a' + 'A'));
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
          out.push_back(c);
      }
      if (out.empty()) return std::nullopt;
      return out;
    }
  }
  return std::nullopt;
}

Result<PersonIndexer> PersonIndexer::for_vault(Vault& vault) {
  if (!vault.keys().has(KeyName::kBlindIndex)) {
    return forbidden("this role cannot search persons by identity");
  }
  MK_ASSIGN_OR_RETURN(std::string bits_text, vault.meta(kMetaBlindIndexBits));
  unsigned bits = 0;
  auto [end, ec] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
  if (ec != std::errc() || end != bits_text.data() + bits_text.size() || bits < 1 || bits > 256) {
    return vault_corrupt("the vault's blind-index plan is unreadable");
  }
  std::vector<crypto::SecretBuffer> keys;
  for (PersonIndexKind kind : kKinds) {
    keys.push_back(crypto::derive_subkey(vault.keys().get(KeyName::kBlindIndex), kIndexContext,
                                         static_cast<std::uint64_t>(kind) + 1));
  }
  return PersonIndexer(std::move(keys), bits);
}

Bytes PersonIndexer::digest(PersonIndexKind kind, std::string_view normalised) const {
  return crypto::blind_index(keys_[static_cast<std::size_t>(kind)], as_bytes(normalised), bits_);
}

}  // namespace mk::vault
