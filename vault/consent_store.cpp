#include "vault/consent_store.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "vault/field_rules.hpp"
#include "vault/partner_store.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr std::string_view kConsentPrefix = "CN-";

// Column order of every SELECT of a consent below.
constexpr char kSelectConsent[] =
    "SELECT id, person_id, partner, purpose, signer, given, withdrawn, recorded FROM consents";

Status require_consent_keeper(UnitOfWork& uow) {
  if (!uow.vault().can_read_identities()) {
    return forbidden("this role cannot record or withdraw consents");
  }
  return Status::ok();
}

bool is_signer(std::string_view s) {
  return s == "self" || s == "parent" || s == "guardian";
}

Result<std::string> new_consent_id(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("SELECT 1 FROM consents WHERE id = ?1"));
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string id = std::string(kConsentPrefix) + crypto::random_base32(8);
    st.reset();
    st.bind(1, id);
    MK_ASSIGN_OR_RETURN(bool taken, st.step());
    if (!taken) return id;
  }
  return internal_error("could not find a free consent id");
}

Result<Consent> read_consent(const Statement& st) {
  Consent c;
  c.id = st.column_text(0);
  c.person_id = st.column_text(1);
  c.partner = st.column_text(2);
  c.purpose = st.column_text(3);
  c.signer = st.column_text(4);
  std::optional<Date> given = Date::parse_iso(st.column_text(5));
  if (!given || !parse_instant(st.column_text(7), c.recorded)) {
    return vault_corrupt("a consent holds an unreadable date");
  }
  c.given = *given;
  if (!st.is_null(6)) {
    c.withdrawn = Date::parse_iso(st.column_text(6));
    if (!c.withdrawn) return vault_corrupt("a consent holds an unreadable date");
  }
  return c;
}

Result<Consent> load_consent(UnitOfWork& uow, std::string_view id) {
  if (!looks_like_consent_id(id)) {
    return invalid_input("consent_id: not a consent id (expected CN-XXXXXXXX)");
  }
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare(std::string(kSelectConsent) + " WHERE id = ?1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no consent " + std::string(id));
  return read_consent(st);
}

// The partner exists and receives data for the purpose.
Status check_partner_purpose(UnitOfWork& uow, const ConsentInput& in) {
  if (!valid_code_syntax(in.partner)) {
    return invalid_input(
        "partner: a partner id is a code of 1-64 characters of a-z, 0-9, '.', '_'");
  }
  if (!valid_code_syntax(in.purpose)) {
    return invalid_input("purpose: a purpose is a code of 1-64 characters of a-z, 0-9, '.', '_'");
  }
  Result<Partner> partner = get_partner(uow, in.partner);
  if (!partner) return partner.status().with_context("partner");
  if (std::find(partner->purposes.begin(), partner->purposes.end(), in.purpose) ==
      partner->purposes.end()) {
    return invalid_input("purpose: " + in.purpose + " is not a purpose of partner " + in.partner);
  }
  return Status::ok();
}

}  // namespace

bool looks_like_consent_id(std::string_view id) {
  // "CN-XXXXXXXX" is "C" before an id of the shape "N-XXXXXXXX".
  return id.size() == 11 && id.substr(0, 3) == kConsentPrefix && looks_like_id(id.substr(1), 'N');
}

Result<std::string> record_consent(UnitOfWork& uow, const ConsentInput& in) {
  MK_RETURN_IF_ERROR(require_consent_keeper(uow));
  MK_RETURN_IF_ERROR(check_id_shape("person_id", kPersonRecord, in.person_id));
  if (!is_signer(in.signer)) return invalid_input("signer: self, parent or guardian");
  MK_RETURN_IF_ERROR(check_record_date("given", in.given, today(uow)));
  MK_RETURN_IF_ERROR(check_references(uow, "person_id", kPersonRecord, {in.person_id}).status());
  MK_RETURN_IF_ERROR(check_partner_purpose(uow, in));
  MK_ASSIGN_OR_RETURN(std::string id, new_consent_id(uow));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("INSERT INTO consents (id, person_id, partner, purpose, "
                                       "signer, given, recorded) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                       "?7)"));
  st.bind(1, id).bind(2, in.person_id).bind(3, in.partner).bind(4, in.purpose).bind(5, in.signer);
  st.bind(6, in.given.to_iso()).bind(7, format_instant(uow.now()));
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"consent.record", in.person_id,
              "partner=" + in.partner + ";purpose=" + in.purpose + ";signer=" + in.signer});
  return id;
}

Status withdraw_consent(UnitOfWork& uow, std::string_view consent_id, const Date& withdrawn) {
  MK_RETURN_IF_ERROR(require_consent_keeper(uow));
  MK_ASSIGN_OR_RETURN(Consent c, load_consent(uow, consent_id));
  if (c.withdrawn) {
    return conflict("consent " + c.id + " was already withdrawn on " + c.withdrawn->to_iso());
  }
  MK_RETURN_IF_ERROR(check_record_date("withdrawn", withdrawn, today(uow)));
  if (withdrawn < c.given) {
    return invalid_input("withdrawn: lies before the day the consent was given (" +
                         c.given.to_iso() + ")");
  }
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE consents SET withdrawn = ?1 WHERE id = ?2"));
  st.bind(1, withdrawn.to_iso()).bind(2, c.id);
  MK_RETURN_IF_ERROR(st.run());
  uow.record({"consent.withdraw", c.person_id,
              "consent=" + c.id + ";partner=" + c.partner + ";purpose=" + c.purpose});
  return Status::ok();
}

Result<std::vector<Consent>> list_consents(UnitOfWork& uow, std::string_view person_id) {
  MK_RETURN_IF_ERROR(
      check_references(uow, "person_id", kPersonRecord, {std::string(person_id)}).status());
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare(std::string(kSelectConsent) +
                                       " WHERE person_id = ?1 ORDER BY given, recorded, id"));
  st.bind(1, person_id);
  std::vector<Consent> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    MK_ASSIGN_OR_RETURN(Consent c, read_consent(st));
    out.push_back(std::move(c));
  }
}

}  // namespace mk::vault
