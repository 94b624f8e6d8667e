#include "vault/disclosure_register.hpp"

#include <algorithm>

#include "vault/field_rules.hpp"
#include "vault/partner_store.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr char kTable[] = "disclosures";

// Column order of every SELECT of a disclosure below.
constexpr char kSelectDisclosure[] =
    "SELECT id, time, actor, partner, partner_kind, purpose, legal_basis, fields, pseudonymised, "
    "generalised, withheld, package_sha256, policy_hash, record_count FROM disclosures";

// The link columns of disclosure_subjects, one per kind of record.
struct SubjectColumn {
  const char* column;
  const RecordKind* kind;
  const char* field;  // in messages
};
constexpr SubjectColumn kSubjectColumns[] = {
    {"person_id", &kPersonRecord, "person_ids"},
    {"case_id", &kCaseRecord, "case_ids"},
    {"signal_id", &kSignalRecord, "signal_ids"},
};

Status require_register_writer(UnitOfWork& uow) {
  if (!uow.vault().can_read_identities()) return forbidden("this role cannot record disclosures");
  return Status::ok();
}

bool is_sha256_hex(std::string_view h) {
  return h.size() == 64 && std::all_of(h.begin(), h.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// Field names, checked, sorted and each once.
Result<std::vector<std::string>> checked_names(std::string_view field,
                                               std::vector<std::string> names) {
  for (const std::string& n : names) {
    if (!valid_code_syntax(n)) {
      return invalid_input(std::string(field) +
                           ": a field name is 1-64 characters of a-z, 0-9, '.' and '_'");
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

struct CheckedInput {
  DisclosureInput in;
  std::string partner_kind;
  std::vector<std::vector<std::string>> subjects;  // per kSubjectColumns entry
};

// Shapes first, then the partner and the records, so bad input fails before any lookup.
Result<CheckedInput> checked_input(UnitOfWork& uow, const DisclosureInput& raw) {
  CheckedInput out;
  DisclosureInput& in = out.in;
  if (!valid_code_syntax(raw.partner)) {
    return invalid_input(
        "partner: a partner id is a code of 1-64 characters of a-z, 0-9, '.', '_'");
  }
  in.partner = raw.partner;
  if (!valid_code_syntax(raw.purpose)) {
    return invalid_input("purpose: a purpose is a code of 1-64 characters of a-z, 0-9, '.', '_'");
  }
  in.purpose = raw.purpose;
  MK_ASSIGN_OR_RETURN(in.legal_basis,
                      check_text("legal_basis", raw.legal_basis, kMaxLegalBasisChars));
  MK_ASSIGN_OR_RETURN(in.fields, checked_names("fields", raw.fields));
  MK_ASSIGN_OR_RETURN(in.pseudonymised, checked_names("pseudonymised", raw.pseudonymised));
  MK_ASSIGN_OR_RETURN(in.generalised, checked_names("generalised", raw.generalised));
  MK_ASSIGN_OR_RETURN(in.withheld, checked_names("withheld", raw.withheld));
  if (!is_sha256_hex(raw.package_sha256)) {
    return invalid_input("package_sha256: expected 64 lowercase hex digits");
  }
  in.package_sha256 = raw.package_sha256;
  if (!is_sha256_hex(raw.policy_hash)) {
    return invalid_input("policy_hash: expected the policy's SHA-256 in lowercase hex");
  }
  in.policy_hash = raw.policy_hash;
  if (raw.record_count < 0 || raw.record_count > kMaxDisclosureRecords) {
    return invalid_input("record_count: 0 to " + std::to_string(kMaxDisclosureRecords));
  }
  in.record_count = raw.record_count;
  const std::vector<std::string>* lists[] = {&raw.person_ids, &raw.case_ids, &raw.signal_ids};
  for (std::size_t i = 0; i < std::size(kSubjectColumns); ++i) {
    for (const std::string& id : *lists[i]) {
      MK_RETURN_IF_ERROR(check_id_shape(kSubjectColumns[i].field, *kSubjectColumns[i].kind, id));
    }
  }

  Result<Partner> partner = get_partner(uow, in.partner);
  if (!partner) return partner.status().with_context("partner");
  if (std::find(partner->purposes.begin(), partner->purposes.end(), in.purpose) ==
      partner->purposes.end()) {
    return invalid_input("purpose: " + in.purpose + " is not a purpose of partner " + in.partner);
  }
  out.partner_kind = partner->kind;
  for (std::size_t i = 0; i < std::size(kSubjectColumns); ++i) {
    MK_ASSIGN_OR_RETURN(
        std::vector<std::string> ids,
        check_references(uow, kSubjectColumns[i].field, *kSubjectColumns[i].kind, *lists[i]));
    std::sort(ids.begin(), ids.end());
    out.subjects.push_back(std::move(ids));
  }
  return out;
}

Status fill_subjects(UnitOfWork& uow, Disclosure& d) {
  std::vector<std::string>* lists[] = {&d.person_ids, &d.case_ids, &d.signal_ids};
  for (std::size_t i = 0; i < std::size(kSubjectColumns); ++i) {
    std::string column = kSubjectColumns[i].column;
    MK_ASSIGN_OR_RETURN(ListQuery query,
                        ListQuery::prepare(uow, "SELECT " + column +
                                                    " FROM disclosure_subjects WHERE "
                                                    "disclosure_id = ?1 AND " +
                                                    column + " IS NOT NULL ORDER BY 1"));
    MK_ASSIGN_OR_RETURN(*lists[i], query.run(d.id));
  }
  return Status::ok();
}

Result<Disclosure> read_disclosure(const Statement& st) {
  Disclosure d;
  d.id = st.column_text(0);
  if (!parse_instant(st.column_text(1), d.time)) {
    return vault_corrupt("a disclosure holds an unreadable timestamp");
  }
  d.actor = st.column_text(2);
  d.partner = st.column_text(3);
  d.partner_kind = st.column_text(4);
  d.purpose = st.column_text(5);
  d.legal_basis = st.column_text(6);
  d.fields = split_names(st.column_text(7));
  d.pseudonymised = split_names(st.column_text(8));
  d.generalised = split_names(st.column_text(9));
  d.withheld = split_names(st.column_text(10));
  d.package_sha256 = st.column_text(11);
  d.policy_hash = st.column_text(12);
  d.record_count = st.column_int(13);
  return d;
}

Result<std::vector<Disclosure>> select_disclosures(UnitOfWork& uow, std::string_view where,
                                                   std::string_view id) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(std::string(kSelectDisclosure) +
                                                     std::string(where) + " ORDER BY time, id"));
  if (!id.empty()) st.bind(1, id);
  std::vector<Disclosure> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) break;
    MK_ASSIGN_OR_RETURN(Disclosure d, read_disclosure(st));
    out.push_back(std::move(d));
  }
  for (Disclosure& d : out)
    MK_RETURN_IF_ERROR(fill_subjects(uow, d));
  return out;
}

}  // namespace

Result<std::string> record_disclosure(UnitOfWork& uow, const DisclosureInput& raw) {
  MK_RETURN_IF_ERROR(require_register_writer(uow));
  MK_ASSIGN_OR_RETURN(CheckedInput checked, checked_input(uow, raw));
  const DisclosureInput& in = checked.in;
  MK_ASSIGN_OR_RETURN(std::string id, new_record_id(uow, kTable, 'D'));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("INSERT INTO disclosures (id, time, actor, partner, partner_kind, purpose, "
                       "legal_basis, fields, pseudonymised, generalised, withheld, "
                       "package_sha256, policy_hash, record_count) VALUES (?1, ?2, ?3, ?4, ?5, "
                       "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
  st.bind(1, id).bind(2, format_instant(uow.now())).bind(3, uow.vault().slot_name());
  st.bind(4, in.partner).bind(5, checked.partner_kind).bind(6, in.purpose);
  st.bind(7, in.legal_basis).bind(8, join_names(in.fields)).bind(9, join_names(in.pseudonymised));
  st.bind(10, join_names(in.generalised)).bind(11, join_names(in.withheld));
  st.bind(12, in.package_sha256).bind(13, in.policy_hash).bind(14, in.record_count);
  MK_RETURN_IF_ERROR(st.run());
  for (std::size_t i = 0; i < std::size(kSubjectColumns); ++i) {
    MK_ASSIGN_OR_RETURN(Statement link, uow.db().prepare("INSERT INTO disclosure_subjects "
                                                         "(disclosure_id, " +
                                                         std::string(kSubjectColumns[i].column) +
                                                         ") VALUES (?1, ?2)"));
    for (const std::string& subject : checked.subjects[i]) {
      link.reset();
      link.bind(1, id).bind(2, subject);
      MK_RETURN_IF_ERROR(link.run());
    }
  }
  uow.record({"disclosure.record", id,
              "partner=" + in.partner + ";purpose=" + in.purpose +
                  ";records=" + std::to_string(in.record_count)});
  return id;
}

Result<std::vector<Disclosure>> list_disclosures(UnitOfWork& uow) {
  return select_disclosures(uow, "", "");
}

Result<Disclosure> get_disclosure(UnitOfWork& uow, std::string_view id) {
  if (!looks_like_id(id, 'D'))
    return invalid_input("id: not a disclosure id (expected D-XXXXXXXX)");
  MK_ASSIGN_OR_RETURN(std::vector<Disclosure> found, select_disclosures(uow, " WHERE id = ?1", id));
  if (found.empty()) return not_found("no disclosure " + std::string(id));
  return std::move(found.front());
}

Result<std::map<std::string, std::vector<std::string>>> disclosed_partner_kinds(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("SELECT DISTINCT s.person_id, d.partner_kind FROM "
                                       "disclosure_subjects s JOIN disclosures d ON d.id = "
                                       "s.disclosure_id WHERE s.person_id IS NOT NULL ORDER BY "
                                       "s.person_id, d.partner_kind"));
  std::map<std::string, std::vector<std::string>> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    out[st.column_text(0)].push_back(st.column_text(1));
  }
}

}  // namespace mk::vault
