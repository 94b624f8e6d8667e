// Result<T>: a value or the Status explaining why there is none.
//
//   Result<Person> r = repo.get(id);
//   if (!r) return r.status();
//   use(*r);
//
// value() on an error Result is a programmer error and aborts.
#pragma once

#include <cstdlib>
#include <optional>
#include <utility>

#include "base/status.hpp"

namespace mk {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (status_.is_ok()) std::abort();                  // an ok Status carries no value
  }

  bool is_ok() const { return value_.has_value(); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const { return status_; }

  T& value() & { return checked(); }
  const T& value() const& { return const_cast<Result*>(this)->checked(); }
  T&& value() && { return std::move(checked()); }
  T& operator*() & { return checked(); }
  const T& operator*() const& { return const_cast<Result*>(this)->checked(); }
  T* operator->() { return &checked(); }
  const T* operator->() const { return &const_cast<Result*>(this)->checked(); }

 private:
  T& checked() {
    if (!value_) std::abort();
    return *value_;
  }
  std::optional<T> value_;
  Status status_;
};

template <typename T>
const Status& status_of(const Result<T>& r) {
  return r.status();
}

}  // namespace mk

// Declares `lhs` from a Result-returning expression, or returns its Status.
//   MK_ASSIGN_OR_RETURN(auto db, Database::open(path));
#define MK_CONCAT_INNER_(a, b) a##b
#define MK_CONCAT_(a, b) MK_CONCAT_INNER_(a, b)
#define MK_ASSIGN_OR_RETURN(lhs, expr) \
  MK_ASSIGN_OR_RETURN_IMPL_(MK_CONCAT_(mk_result_, __LINE__), lhs, expr)
#define MK_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp) return tmp.status();                  \
  lhs = std::move(tmp).value()
