#include "vault/person_store.hpp"

#include "base/date.hpp"
#include "vault/field_cipher.hpp"
#include "vault/field_rules.hpp"
#include "vault/record_ids.hpp"
#include "vault/store_support.hpp"
#include "vault/subject_keys.hpp"
#include "vault/vault.hpp"

namespace mk::vault {
namespace {

constexpr char kTable[] = "persons";
constexpr PersonIndexKind kIndexKinds[] = {PersonIndexKind::kNameDob, PersonIndexKind::kBsn,
                                           PersonIndexKind::kDocument};

// Column order of every SELECT below: id, role, key_id, restricted, created, updated, then the
// seven identity columns in kPersonFields order.
constexpr char kSelectColumns[] =
    "SELECT id, role, key_id, restricted, created, updated, name, date_of_birth, nationality, "
    "bsn, document_number, address, phone FROM persons";
constexpr int kFirstFieldColumn = 6;

struct PersonRow {
  PersonSummary summary;
  std::string key_id;
  std::array<std::optional<Bytes>, kPersonFieldCount> sealed;
};

Result<PersonRow> read_row(const Statement& st) {
  PersonRow row;
  row.summary.id = st.column_text(0);
  std::optional<PersonRole> role = parse_person_role(st.column_text(1));
  if (!role) return vault_corrupt("a person row holds an unknown role");
  row.summary.role = *role;
  row.key_id = st.column_text(2);
  row.summary.restricted = st.column_int(3) != 0;
  if (!parse_instant(st.column_text(4), row.summary.created) ||
      !parse_instant(st.column_text(5), row.summary.updated)) {
    return vault_corrupt("a person row holds an unreadable timestamp");
  }
  for (std::size_t i = 0; i < kPersonFieldCount; ++i) {
    int column = kFirstFieldColumn + static_cast<int>(i);
    if (!st.is_null(column)) {
      row.sealed[i] = st.column_blob(column);
      row.summary.fields_present.push_back(kPersonFields[i]);
    }
  }
  return row;
}

Result<PersonRow> load_row(UnitOfWork& uow, std::string_view id) {
  if (!looks_like_id(id, 'P')) return invalid_input("not a person id: expected P-XXXXXXXX");
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare(std::string(kSelectColumns) + " WHERE id = ?1"));
  st.bind(1, id);
  MK_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) return not_found("no person " + std::string(id));
  return read_row(st);
}

Result<PersonIdentity> decrypt_row(const PersonRow& row, const crypto::SecretBuffer& key) {
  PersonIdentity identity;
  for (std::size_t i = 0; i < kPersonFieldCount; ++i) {
    if (!row.sealed[i]) continue;
    FieldLocation where{kTable, person_field_name(kPersonFields[i]), row.summary.id, row.key_id};
    MK_ASSIGN_OR_RETURN(std::string value, decrypt_field(key, where, *row.sealed[i]));
    identity.set(kPersonFields[i], std::move(value));
  }
  return identity;
}

Result<PersonIdentity> checked_identity(const PersonIdentity& raw, const Date& day) {
  PersonIdentity out;
  for (PersonField f : kPersonFields) {
    if (!raw.get(f)) continue;
    MK_ASSIGN_OR_RETURN(std::string v, check_person_field(f, *raw.get(f), day));
    out.set(f, std::move(v));
  }
  return out;
}

std::string field_list(const std::vector<PersonField>& fields) {
  std::string out;
  for (PersonField f : fields) {
    if (!out.empty()) out.push_back(',');
    out.append(person_field_name(f));
  }
  return out;
}

Status write_fields(UnitOfWork& uow, std::string_view id, std::string_view key_id,
                    const crypto::SecretBuffer& key, const PersonIdentity& identity,
                    const std::vector<PersonField>& fields) {
  for (PersonField f : fields) {
    std::string sql =
        "UPDATE persons SET " + std::string(person_field_name(f)) + " = ?1 WHERE id = ?2";
    MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql));
    if (const auto& v = identity.get(f)) {
      st.bind_blob(1, encrypt_field(key, {kTable, person_field_name(f), id, key_id}, *v));
    } else {
      st.bind_null(1);
    }
    st.bind(2, id);
    MK_RETURN_IF_ERROR(st.run());
  }
  return Status::ok();
}

Status write_indexes(UnitOfWork& uow, const PersonIndexer& indexer, std::string_view id,
                     const PersonIdentity& identity) {
  MK_ASSIGN_OR_RETURN(Statement del,
                      uow.db().prepare("DELETE FROM person_index WHERE person_id = ?1"));
  del.bind(1, id);
  MK_RETURN_IF_ERROR(del.run());
  MK_ASSIGN_OR_RETURN(
      Statement ins,
      uow.db().prepare("INSERT INTO person_index (kind, digest, person_id) VALUES (?1, ?2, ?3)"));
  for (PersonIndexKind kind : kIndexKinds) {
    std::optional<std::string> input = normalised_index_input(kind, identity);
    if (!input) continue;
    ins.reset();
    ins.bind(1, person_index_kind_name(kind))
        .bind_blob(2, indexer.digest(kind, *input))
        .bind(3, id);
    MK_RETURN_IF_ERROR(ins.run());
  }
  return Status::ok();
}

}  // namespace

Result<std::string> add_person(UnitOfWork& uow, PersonRole role, const PersonIdentity& raw) {
  MK_ASSIGN_OR_RETURN(PersonIdentity identity, checked_identity(raw, today(uow)));
  MK_ASSIGN_OR_RETURN(const PersonIndexer* indexer, uow.vault().person_indexer());
  MK_ASSIGN_OR_RETURN(SubjectKey key, create_subject_key(uow));
  MK_ASSIGN_OR_RETURN(std::string id, new_record_id(uow, kTable, 'P'));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("INSERT INTO persons (id, role, key_id, created, updated, "
                                       "name, date_of_birth, nationality, "
                                       "bsn, document_number, address, phone) VALUES (?1, ?2, ?3, "
                                       "?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                       "?11)"));
  st.bind(1, id).bind(2, person_role_name(role)).bind(3, key.id).bind(4, format_instant(uow.now()));
  std::vector<PersonField> present;
  for (std::size_t i = 0; i < kPersonFieldCount; ++i) {
    PersonField f = kPersonFields[i];
    int param = 5 + static_cast<int>(i);
    if (const auto& v = identity.get(f)) {
      st.bind_blob(param, encrypt_field(key.key, {kTable, person_field_name(f), id, key.id}, *v));
      present.push_back(f);
    } else {
      st.bind_null(param);
    }
  }
  MK_RETURN_IF_ERROR(st.run());
  MK_RETURN_IF_ERROR(write_indexes(uow, *indexer, id, identity));
  uow.record({"person.add", id,
              "role=" + std::string(person_role_name(role)) + " fields=" + field_list(present)});
  return id;
}

Result<PersonSummary> get_person_summary(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(PersonRow row, load_row(uow, id));
  return std::move(row.summary);
}

Result<std::vector<PersonSummary>> list_persons(UnitOfWork& uow) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare(std::string(kSelectColumns) + " ORDER BY created, id"));
  std::vector<PersonSummary> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) break;
    MK_ASSIGN_OR_RETURN(PersonRow row, read_row(st));
    out.push_back(std::move(row.summary));
  }
  uow.record({"person.list", "", "count=" + std::to_string(out.size())});
  return out;
}

Result<Person> read_person(UnitOfWork& uow, std::string_view id) {
  MK_ASSIGN_OR_RETURN(PersonRow row, load_row(uow, id));
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
  MK_ASSIGN_OR_RETURN(PersonIdentity identity, decrypt_row(row, key));
  uow.record({"person.read", row.summary.id, "fields=" + field_list(row.summary.fields_present)});
  return Person{std::move(row.summary), std::move(identity)};
}

Result<std::vector<Person>> find_persons(UnitOfWork& uow, PersonIndexKind kind,
                                         const PersonIdentity& raw_query) {
  MK_ASSIGN_OR_RETURN(PersonIdentity query, checked_identity(raw_query, today(uow)));
  std::optional<std::string> wanted = normalised_index_input(kind, query);
  if (!wanted) {
    return invalid_input(kind == PersonIndexKind::kNameDob
                             ? "a search by name needs both name and date_of_birth"
                             : "the search value is missing");
  }
  MK_ASSIGN_OR_RETURN(const PersonIndexer* indexer, uow.vault().person_indexer());
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare(
          std::string(kSelectColumns) +
          " WHERE id IN (SELECT person_id FROM person_index WHERE kind = ?1 AND digest = ?2)"
          " ORDER BY created, id"));
  st.bind(1, person_index_kind_name(kind)).bind_blob(2, indexer->digest(kind, *wanted));
  std::vector<Person> matches;
  std::size_t candidates = 0;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st.step());
    if (!more) break;
    ++candidates;
    MK_ASSIGN_OR_RETURN(PersonRow row, read_row(st));
    MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
    MK_ASSIGN_OR_RETURN(PersonIdentity identity, decrypt_row(row, key));
    if (normalised_index_input(kind, identity) != wanted) continue;
    uow.record({"person.read", row.summary.id, "via=find"});
    matches.push_back({std::move(row.summary), std::move(identity)});
  }
  uow.record({"person.find", "",
              "index=" + std::string(person_index_kind_name(kind)) + " candidates=" +
                  std::to_string(candidates) + " matches=" + std::to_string(matches.size())});
  return matches;
}

Status update_person(UnitOfWork& uow, std::string_view id, const PersonPatch& patch) {
  MK_ASSIGN_OR_RETURN(PersonRow row, load_row(uow, id));
  MK_ASSIGN_OR_RETURN(crypto::SecretBuffer key, load_subject_key(uow, row.key_id));
  MK_ASSIGN_OR_RETURN(PersonIdentity identity, decrypt_row(row, key));
  MK_ASSIGN_OR_RETURN(const PersonIndexer* indexer, uow.vault().person_indexer());
  std::vector<PersonField> changed;
  for (const auto& [field, value] : patch.fields) {
    if (value) {
      MK_ASSIGN_OR_RETURN(std::string v, check_person_field(field, *value, today(uow)));
      identity.set(field, std::move(v));
    } else {
      identity.set(field, std::nullopt);
    }
    changed.push_back(field);
  }
  if (changed.empty() && !patch.role) return invalid_input("nothing to change");
  MK_RETURN_IF_ERROR(write_fields(uow, row.summary.id, row.key_id, key, identity, changed));
  MK_RETURN_IF_ERROR(write_indexes(uow, *indexer, row.summary.id, identity));
  MK_ASSIGN_OR_RETURN(Statement st,
                      uow.db().prepare("UPDATE persons SET role = ?1, updated = ?2 WHERE id = ?3"));
  PersonRole role = patch.role.value_or(row.summary.role);
  st.bind(1, person_role_name(role)).bind(2, format_instant(uow.now())).bind(3, row.summary.id);
  MK_RETURN_IF_ERROR(st.run());
  std::string detail = "fields=" + field_list(changed);
  if (patch.role) detail += " role=" + std::string(person_role_name(role));
  uow.record({"person.update", row.summary.id, detail});
  return Status::ok();
}

Status set_person_restricted(UnitOfWork& uow, std::string_view id, bool restricted) {
  MK_RETURN_IF_ERROR(require_record_writer(uow));
  MK_ASSIGN_OR_RETURN(PersonRow row, load_row(uow, id));
  MK_ASSIGN_OR_RETURN(
      Statement st,
      uow.db().prepare("UPDATE persons SET restricted = ?1, updated = ?2 WHERE id = ?3"));
  st.bind(1, restricted).bind(2, format_instant(uow.now())).bind(3, row.summary.id);
  MK_RETURN_IF_ERROR(st.run());
  uow.record({restricted ? "person.restrict" : "person.unrestrict", row.summary.id, ""});
  return Status::ok();
}

}  // namespace mk::vault
