#include "vault/meldcode_store.hpp"

#include <algorithm>

#include "vault/field_cipher.hpp"
#include "vault/field_rules.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/subject_keys.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr char kTable[] = "meldcode_decisions";
constexpr char kRationale[] = "rationale";
constexpr char kDecisionPrefix = 'M';

// Column order of every SELECT of a decision below.
constexpr char kSelectDecision[] =
    "SELECT id, case_id, item, number, code, answer, policy_hash, decided, decided_by, "
    "rationale IS NOT NULL, rationale FROM meldcode_decisions";

bool is_policy_hash(std::string_view h) {
  return h.size() == 64 && std::all_of(h.begin(), h.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// The case a decision is about: its key and whether it is closed.
struct CaseFacts {
  std::string key_id;
  bool closed = false;
};

Result<CaseFacts> load_case(UnitOfWork& uow, std::string_view case_id) {
  MK_RETURN_IF_ERROR(check_id_shape("case_id", kCaseRecord, case_id));
  MK_ASSIGN_OR_RETURN(
      Statement st, uow.db().prepare("SELECT key_id, closed IS NOT NULL FROM cases WHERE id = ?1"));
  st.bind(1, case_id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no case " + std::string(case_id));
  return CaseFacts{st.column_text(0), st.column_int(1) != 0};
}

Status check_input(const MeldcodeDecisionInput& in) {
  if (in.number < 1 || in.number > kMaxMeldcodeNumber) {
    return invalid_input("number: must lie in 1.." + std::to_string(kMaxMeldcodeNumber));
  }
  if (!valid_code_syntax(in.code)) {
    return invalid_input("code: a code is 1-64 characters of a-z, 0-9, '.' and '_'");
  }
  if (!valid_code_syntax(in.answer)) {
    return invalid_input("answer: a code is 1-64 characters of a-z, 0-9, '.' and '_'");
  }
  if (!is_policy_hash(in.policy_hash)) {
    return invalid_input("policy_hash: expected the policy's SHA-256 in lowercase hex");
  }
  return Status::ok();
}

Result<MeldcodeDecision> read_row(const Statement& st) {
  MeldcodeDecision d;
  d.id = st.column_text(0);
  d.case_id = st.column_text(1);
  std::optional<MeldcodeItem> item = parse_meldcode_item(st.column_text(2));
  std::int64_t number = st.column_int(3);
  if (!item || number < 1 || number > kMaxMeldcodeNumber ||
      !parse_instant(st.column_text(7), d.decided)) {
    return vault_corrupt("a meldcode decision holds an unreadable value");
  }
  d.item = *item;
  d.number = static_cast<int>(number);
  d.code = st.column_text(4);
  d.answer = st.column_text(5);
  d.policy_hash = st.column_text(6);
  d.decided_by = st.column_text(8);
  d.has_rationale = st.column_int(9) != 0;
  return d;
}

// Every decision of the case, oldest first; with `key`, rationales are decrypted.
Result<std::vector<MeldcodeDecision>> select_decisions(UnitOfWork& uow, std::string_view case_id,
                                                       const std::string& key_id,
                                                       const crypto::SecretBuffer* key) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(std::string(kSelectDecision) +
                                                     " WHERE case_id = ?1 ORDER BY seq"));
  st.bind(1, case_id);
  std::vector<MeldcodeDecision> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) return out;
    MK_ASSIGN_OR_RETURN(MeldcodeDecision d, read_row(st));
    if (key != nullptr && d.has_rationale) {
      FieldLocation where{kTable, kRationale, d.id, key_id};
      MK_ASSIGN_OR_RETURN(d.rationale, decrypt_field(*key, where, st.column_blob(10)));
    }
    out.push_back(std::move(d));
  }
}

}  // namespace

std::string_view enum_name(MeldcodeItem item) {
  return item == MeldcodeItem::kStep ? "step" : "question";
}

std::optional<MeldcodeItem> parse_meldcode_item(std::string_view s) {
  if (s == "step") return MeldcodeItem::kStep;
  if (s == "question") return MeldcodeItem::kQuestion;
  return std::nullopt;
}

Result<std::string> record_meldcode_decision(UnitOfWork& uow, std::string_view case_id,
                                             const MeldcodeDecisionInput& input) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_RETURN_IF_ERROR(check_input(input));
  std::optional<std::string> rationale;
  if (input.rationale) {
    MK_ASSIGN_OR_RETURN(rationale,
                        check_text(kRationale, *input.rationale, kMaxRationaleChars, true));
  }
  MK_ASSIGN_OR_RETURN(CaseFacts c, load_case(uow, case_id));
  if (c.closed) return conflict("case " + std::string(case_id) + " is closed");
  MK_ASSIGN_OR_RETURN(std::string id, new_record_id(uow, kTable, kDecisionPrefix));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("INSERT INTO meldcode_decisions (id, case_id, item, number, code, answer, "
                       "policy_hash, decided, decided_by, rationale) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  st.bind(1, id).bind(2, case_id).bind(3, enum_name(input.item)).bind(4, input.number);
  st.bind(5, input.code).bind(6, input.answer).bind(7, input.policy_hash);
  st.bind(8, format_instant(uow.now())).bind(9, uow.vault().slot_name());
  if (rationale) {
    MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, c.key_id));
    FieldLocation where{kTable, kRationale, id, c.key_id};
    st.bind_blob(10, encrypt_field(key, where, *rationale));
  } else {
    st.bind_null(10);
  }
  MK_RETURN_IF_ERROR(st.run());
  MK_ASSIGN_OR_RETURN(Statement touch,
                      uow.db().prepare("UPDATE cases SET updated = ?1 WHERE id = ?2"));
  touch.bind(1, format_instant(uow.now())).bind(2, case_id);
  MK_RETURN_IF_ERROR(touch.run());
  std::string detail = "decision=" + id + ";item=" + std::string(enum_name(input.item)) +
                       ";number=" + std::to_string(input.number) + ";answer=" + input.answer;
  if (rationale) detail += ";fields=rationale";
  uow.record({"case.decide", std::string(case_id), detail});
  return id;
}

Result<std::vector<MeldcodeDecision>> list_meldcode_decisions(UnitOfWork& uow,
                                                              std::string_view case_id) {
  MK_ASSIGN_OR_RETURN(CaseFacts c, load_case(uow, case_id));
  return select_decisions(uow, case_id, c.key_id, nullptr);
}

Result<std::vector<MeldcodeDecision>> read_meldcode_decisions(UnitOfWork& uow,
                                                              std::string_view case_id) {
  if (!uow.vault().can_read_identities()) {
    return forbidden("this role cannot read the rationale of meldcode decisions");
  }
  MK_ASSIGN_OR_RETURN(CaseFacts c, load_case(uow, case_id));
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, c.key_id));
  MK_ASSIGN_OR_RETURN(std::vector<MeldcodeDecision> out,
                      select_decisions(uow, case_id, c.key_id, &key));
  bool any = std::any_of(out.begin(), out.end(),
                         [](const MeldcodeDecision& d) { return d.rationale.has_value(); });
  uow.record({"case.meldcode.read", std::string(case_id), any ? "fields=rationale" : "fields="});
  return out;
}

}  // namespace mk::vault
