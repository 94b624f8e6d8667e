#include "vault/pseudonyms.hpp"

#include <cstdlib>
#include <vector>

#include "crypto/blind_index.hpp"
#include "vault/field_rules.hpp"
#include "vault/key_ring.hpp"
#include "vault/record_ids.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr std::string_view kPartnerKeyLabel{"meldkluis/pseudonym/v1\0", 23};
// Crockford base32, then the five extra symbols of its mod-37 check.
constexpr std::string_view kCheckSymbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
constexpr std::uint64_t kValueLimit = std::uint64_t{1} << 40;
constexpr unsigned kFullHashBits = 256;

// The value of a typed character: Crockford's reading (either case; I and L are 1, O is 0), or
// -1. `check` admits the five check-only symbols.
int symbol_value(char c, bool check) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'I' || c == 'L') c = '1';
  if (c == 'O') c = '0';
  std::size_t at = kCheckSymbols.find(c);
  if (at == std::string_view::npos || (!check && at >= 32)) return -1;
  return static_cast<int>(at);
}

Status require_pseudonym_key(const Vault& vault) {
  if (!vault.keys().has(KeyName::kPseudonym)) {
    return forbidden("this role cannot compute or resolve pseudonyms");
  }
  return Status::ok();
}

Status check_partner_id(std::string_view id) {
  if (valid_code_syntax(id)) return Status::ok();
  return invalid_input("partner: a partner id is a code of 1-64 characters of a-z, 0-9, '.', '_'");
}

// A partner the vault knows: registered, or named in the register (removed since).
Status check_partner_known(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT 1 FROM partners WHERE id = ?1 UNION ALL "
                                       "SELECT 1 FROM disclosures WHERE partner = ?1 LIMIT 1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) {
    return not_found("partner: no partner " + std::string(id) +
                     " is registered or named in the disclosure register");
  }
  return Status::ok();
}

}  // namespace

crypto::SecretBuffer partner_pseudonym_key(const crypto::SecretBuffer& pseudonym_root,
                                           std::string_view partner_id) {
  if (!valid_code_syntax(partner_id)) std::abort();
  std::string input(kPartnerKeyLabel);
  input.append(partner_id);
  Bytes key = crypto::blind_index(pseudonym_root, as_bytes(input), kFullHashBits);
  crypto::SecretBuffer out = crypto::SecretBuffer::copy_of(key);
  crypto::wipe(key.data(), key.size());
  return out;
}

std::uint64_t pseudonym_value(const crypto::SecretBuffer& partner_key, std::string_view person_id) {
  Bytes hash = crypto::blind_index(partner_key, as_bytes(person_id), 40);
  std::uint64_t value = 0;
  for (std::uint8_t b : hash)
    value = (value << 8) | b;
  return value;
}

std::string format_pseudonym(std::uint64_t value) {
  if (value >= kValueLimit) std::abort();
  std::string out(kPseudonymChars, '-');
  std::size_t at = 0;
  for (int i = 7; i >= 0; --i) {
    if (at == 4) ++at;  // the dash
    out[at++] = kCheckSymbols[(value >> (5 * i)) & 31];
  }
  out[10] = kCheckSymbols[value % 37];
  return out;
}

Result<std::string> normalise_pseudonym(std::string_view typed) {
  constexpr char kShape[] =
      "not a pseudonym: expected 8 characters of 0-9 and A-Z (without U) and a check character, "
      "written XXXX-XXXX-C";
  std::vector<int> symbols;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (symbols.size() == 9) return invalid_input(kShape);
    int v = symbol_value(c, symbols.size() == 8);
    if (v < 0) return invalid_input(kShape);
    symbols.push_back(v);
  }
  if (symbols.size() != 9) return invalid_input(kShape);
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i)
    value = (value << 5) | static_cast<std::uint64_t>(symbols[i]);
  if (value % 37 != static_cast<std::uint64_t>(symbols[8])) {
    return invalid_input(
        "mistyped pseudonym: its check character does not match; read it again from the partner's "
        "message");
  }
  return format_pseudonym(value);
}

Result<std::string> pseudonym_for(Vault& vault, std::string_view partner_id,
                                  std::string_view person_id) {
  MK_RETURN_IF_ERROR(check_partner_id(partner_id));
  if (!looks_like_id(person_id, 'P')) {
    return invalid_input("person_id: not a person id (expected P-XXXXXXXX)");
  }
  MK_RETURN_IF_ERROR(require_pseudonym_key(vault));
  crypto::SecretBuffer key =
      partner_pseudonym_key(vault.keys().get(KeyName::kPseudonym), partner_id);
  return format_pseudonym(pseudonym_value(key, person_id));
}

Result<std::optional<std::string>> resolve_pseudonym(UnitOfWork& uow, std::string_view partner_id,
                                                     std::string_view code) {
  MK_RETURN_IF_ERROR(check_partner_id(partner_id));
  MK_ASSIGN_OR_RETURN(std::string wanted, normalise_pseudonym(code));
  MK_RETURN_IF_ERROR(require_pseudonym_key(uow.vault()));
  MK_RETURN_IF_ERROR(check_partner_known(uow, partner_id));
  crypto::SecretBuffer key =
      partner_pseudonym_key(uow.vault().keys().get(KeyName::kPseudonym), partner_id);
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("SELECT id FROM persons ORDER BY id"));
  std::optional<std::string> found;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) break;
    std::string id = st.column_text(0);
    if (format_pseudonym(pseudonym_value(key, id)) != wanted) continue;
    if (found)
      return conflict(
          "the code matches more than one person; ask the partner which disclosure it came with");
    found = std::move(id);
  }
  uow.record({"pseudonym.resolve", found.value_or(""),
              "partner=" + std::string(partner_id) + ";found=" + (found ? "yes" : "no")});
  return found;
}

}  // namespace mk::vault
