// What the signal and case stores share: the date of a unit of work, the role that may write
// records, and checks of references from one record to others.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.hpp"
#include "base/result.hpp"
#include "vault/unit_of_work.hpp"

namespace mk::vault {

// A kind of record that others refer to by id.
struct RecordKind {
  std::string_view table;
  char prefix;
  std::string_view noun;  // in messages: "no person P-..."
};
inline constexpr RecordKind kPersonRecord{"persons", 'P', "person"};
inline constexpr RecordKind kSignalRecord{"signals", 'S', "signal"};
inline constexpr RecordKind kCaseRecord{"cases", 'C', "case"};

// The UTC calendar date of the unit of work.
Date today(const UnitOfWork& uow);

// kForbidden unless the vault was opened by a role holding the field keys: signals and cases are
// written by the coordinator; the compliance role reads their metadata only.
Status require_record_writer(UnitOfWork& uow);

// A record date: not after `today`, not before 1900. kInvalidInput naming `field`.
Status check_record_date(std::string_view field, const Date& date, const Date& today);

// kInvalidInput naming `field` unless `id` has the shape of an id of `kind`.
Status check_id_shape(std::string_view field, const RecordKind& kind, std::string_view id);

// Checks that every id has the right shape (kInvalidInput naming `field`) and names an existing
// record (kNotFound naming field and id). Returns the ids in their first order, each once.
Result<std::vector<std::string>> check_references(UnitOfWork& uow, std::string_view field,
                                                  const RecordKind& kind,
                                                  const std::vector<std::string>& ids);

// A query prepared once and run per record: ?1 is the record's id, column 0 the text wanted (the
// codes or linked ids of one signal or case).
class ListQuery {
 public:
  static Result<ListQuery> prepare(UnitOfWork& uow, std::string_view sql);
  Result<std::vector<std::string>> run(std::string_view id);

 private:
  explicit ListQuery(Statement st) : st_(std::move(st)) {}
  Statement st_;
};

// "a,b,c"
std::string join_names(const std::vector<std::string>& names);
// The inverse of join_names for names without commas: "" gives no names.
std::vector<std::string> split_names(const std::string& joined);

}  // namespace mk::vault
