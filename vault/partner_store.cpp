#include "vault/partner_store.hpp"

#include <algorithm>

#include "vault/field_rules.hpp"
#include "vault/store_support.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr std::string_view kBech32Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

// Column order of every SELECT of a partner below.
constexpr char kSelectPartner[] =
    "SELECT id, name, kind, contact, age_recipient, purposes, added FROM partners";

Status require_partner_keeper(UnitOfWork& uow) {
  if (!uow.vault().can_read_identities())
    return forbidden("this role cannot add or remove partners");
  return Status::ok();
}

Status check_partner_id(std::string_view id) {
  if (valid_code_syntax(id)) return Status::ok();
  return invalid_input("id: a partner id is a code of 1-64 characters of a-z, 0-9, '.' and '_'");
}

// The partner as it will be stored: every field checked, text trimmed, purposes sorted.
Result<Partner> checked_partner(const Partner& in) {
  Partner out;
  MK_RETURN_IF_ERROR(check_partner_id(in.id));
  out.id = in.id;
  MK_ASSIGN_OR_RETURN(out.name, check_text("name", in.name, kMaxShortTextChars));
  if (!valid_code_syntax(in.kind)) {
    return invalid_input("kind: a partner kind is a code of 1-64 characters of a-z, 0-9, '.', '_'");
  }
  out.kind = in.kind;
  if (!in.contact.empty()) {
    MK_ASSIGN_OR_RETURN(out.contact, check_text("contact", in.contact, kMaxShortTextChars));
  }
  if (!looks_like_age_recipient(in.age_recipient)) {
    return invalid_input(
        "age_recipient: expected an age X25519 recipient, \"age1\" and 58 "
        "lowercase Bech32 characters");
  }
  out.age_recipient = in.age_recipient;
  out.purposes = in.purposes;
  std::sort(out.purposes.begin(), out.purposes.end());
  out.purposes.erase(std::unique(out.purposes.begin(), out.purposes.end()), out.purposes.end());
  if (out.purposes.empty() || out.purposes.size() > kMaxPartnerPurposes) {
    return invalid_input("purposes: 1 to " + std::to_string(kMaxPartnerPurposes) + " purposes");
  }
  for (const std::string& p : out.purposes) {
    if (!valid_code_syntax(p)) {
      return invalid_input(
          "purposes: a purpose is a code of 1-64 characters of a-z, 0-9, '.', '_'");
    }
  }
  return out;
}

Result<Partner> read_partner(const Statement& st) {
  Partner p;
  p.id = st.column_text(0);
  p.name = st.column_text(1);
  p.kind = st.column_text(2);
  p.contact = st.column_text(3);
  p.age_recipient = st.column_text(4);
  p.purposes = split_names(st.column_text(5));
  if (!parse_instant(st.column_text(6), p.added)) {
    return vault_corrupt("a partner holds an unreadable timestamp");
  }
  return p;
}

}  // namespace

bool looks_like_age_recipient(std::string_view text) {
  if (text.size() != kAgeRecipientChars || text.substr(0, 4) != "age1") return false;
  return std::all_of(text.begin() + 4, text.end(),
                     [](char c) { return kBech32Alphabet.find(c) != std::string_view::npos; });
}

Status add_partner(UnitOfWork& uow, const Partner& partner) {
  MK_RETURN_IF_ERROR(require_partner_keeper(uow));
  MK_ASSIGN_OR_RETURN(Partner p, checked_partner(partner));
  MK_ASSIGN_OR_RETURN(Statement exists, uow.db().prepare("SELECT 1 FROM partners WHERE id = ?1"));
  exists.bind(1, p.id);
  MK_ASSIGN_OR_RETURN(bool taken, exists.step());
  if (taken) return conflict("a partner with id " + p.id + " exists");
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("INSERT INTO partners (id, name, kind, contact, "
                                       "age_recipient, purposes, added) VALUES (?1, ?2, ?3, ?4, "
                                       "?5, ?6, ?7)"));
  st.bind(1, p.id).bind(2, p.name).bind(3, p.kind).bind(4, p.contact).bind(5, p.age_recipient);
  st.bind(6, join_names(p.purposes)).bind(7, format_instant(uow.now()));
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"partner.add", p.id, "kind=" + p.kind});
  return Status::ok();
}

Result<std::vector<Partner>> list_partners(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(std::string(kSelectPartner) + " ORDER BY id"));
  std::vector<Partner> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    MK_ASSIGN_OR_RETURN(Partner p, read_partner(st));
    out.push_back(std::move(p));
  }
}

Result<Partner> get_partner(UnitOfWork& uow, std::string_view id) {
  MK_RETURN_IF_ERROR(check_partner_id(id));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare(std::string(kSelectPartner) + " WHERE id = ?1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no partner " + std::string(id));
  return read_partner(st);
}

Status remove_partner(UnitOfWork& uow, std::string_view id) {
  MK_RETURN_IF_ERROR(require_partner_keeper(uow));
  MK_RETURN_IF_ERROR(check_partner_id(id));
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("DELETE FROM partners WHERE id = ?1"));
  st.bind(1, id);
  MK_RETURN_IF_ERROR(st.run());
  if (uow.db().changes() == 0) return not_found("no partner " + std::string(id));
  uow.record({"partner.remove", std::string(id), ""});
  return Status::ok();
}

}  // namespace mk::vault
