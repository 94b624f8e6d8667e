#include "vault/store_support.hpp"

#include <algorithm>
#include <chrono>

#include "vault/record_ids.hpp"
#include "vault/vault.hpp"

namespace mk::vault {

Date today(const UnitOfWork& uow) {
  return Date::from_sys_days(std::chrono::floor<std::chrono::days>(uow.now()));
}

Status require_record_writer(UnitOfWork& uow) {
  if (!uow.vault().can_read_identities()) {
    return forbidden("this role cannot write signals or cases");
  }
  return Status::ok();
}

Status check_record_date(std::string_view field, const Date& date, const Date& day) {
  if (date > day) return invalid_input(std::string(field) + ": lies in the future");
  if (date < Date(1900, 1, 1)) return invalid_input(std::string(field) + ": lies before 1900");
  return Status::ok();
}

Status check_id_shape(std::string_view field, const RecordKind& kind, std::string_view id) {
  if (looks_like_id(id, kind.prefix)) return Status::ok();
  return invalid_input(std::string(field) + ": not a " + std::string(kind.noun) + " id (expected " +
                       std::string(1, kind.prefix) + "-XXXXXXXX)");
}

Result<std::vector<std::string>> check_references(UnitOfWork& uow, std::string_view field,
                                                  const RecordKind& kind,
                                                  const std::vector<std::string>& ids) {
  std::vector<std::string> unique;
  for (const std::string& id : ids) {
    MK_RETURN_IF_ERROR(check_id_shape(field, kind, id));
    if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
  }
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare("SELECT 1 FROM " + std::string(kind.table) +
                                                     " WHERE id = ?1"));
  for (const std::string& id : unique) {
    st.reset();
    st.bind(1, id);
    MK_ASSIGN_OR_RETURN(bool found, st.step());
    if (!found) {
      return not_found(std::string(field) + ": no " + std::string(kind.noun) + " " + id);
    }
  }
  return unique;
}

Result<ListQuery> ListQuery::prepare(UnitOfWork& uow, std::string_view sql) {
  MK_ASSIGN_OR_RETURN(Statement st, uow.db().prepare(sql));
  return ListQuery(std::move(st));
}

Result<std::vector<std::string>> ListQuery::run(std::string_view id) {
  st_.reset();
  st_.bind(1, id);
  std::vector<std::string> out;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool more, st_.step());
    if (!more) return out;
    out.push_back(st_.column_text(0));
  }
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out.push_back(',');
    out.append(n);
  }
  return out;
}

std::vector<std::string> split_names(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t comma = joined.find(',', start);
    if (comma == std::string::npos) comma = joined.size();
    out.push_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace mk::vault
