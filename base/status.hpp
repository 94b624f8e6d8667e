// Status: the outcome of an operation that can fail on bad data, a wrong passphrase or the
// environment. Programmer errors (broken invariants) abort instead; bad input never does.
//
// A Status is either ok() or carries a Code and a human-readable message. Messages are shown to the
// user as they are, so they must never contain personal data: name the field, the file, the place,
// never the value.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace mk {

// Each code maps to one documented CLI exit code (see docs/cli.md).
enum class Code {
  kOk = 0,
  kInvalidInput,       // the caller's input is malformed or out of range; nothing was written
  kNotFound,           // the named record, slot or file does not exist
  kWrongPassphrase,    // no key slot opened with the given passphrase
  kVaultCorrupt,       // a file of the vault failed an integrity check: corrupt or tampered
  kVaultInUse,         // another process holds the vault
  kPolicyInvalid,      // a policy file failed validation
  kDisclosureRefused,  // a disclosure policy does not allow the share
  kForbidden,          // the unlocked role may not do this (e.g. compliance reading a name)
  kConflict,           // the operation contradicts the current state (closing a closed case)
  kIo,                 // the operating system failed a file operation
  kInternal,           // an unexpected failure in a library we call
};

// Stable, lowercase name of a code, used in JSON output ("wrong_passphrase").
std::string_view code_name(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return Status(); }

  bool is_ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "wrong_passphrase: no key slot opens with this passphrase"
  std::string to_string() const;

  // Returns a copy whose message is prefixed with context ("keyslots: " + message).
  Status with_context(std::string_view context) const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

inline Status invalid_input(std::string m) {
  return {Code::kInvalidInput, std::move(m)};
}
inline Status not_found(std::string m) {
  return {Code::kNotFound, std::move(m)};
}
inline Status vault_corrupt(std::string m) {
  return {Code::kVaultCorrupt, std::move(m)};
}
inline Status io_error(std::string m) {
  return {Code::kIo, std::move(m)};
}
inline Status internal_error(std::string m) {
  return {Code::kInternal, std::move(m)};
}
inline Status forbidden(std::string m) {
  return {Code::kForbidden, std::move(m)};
}
inline Status conflict(std::string m) {
  return {Code::kConflict, std::move(m)};
}

}  // namespace mk

#define MK_CONCAT_INNER_(a, b) a##b
#define MK_CONCAT_(a, b) MK_CONCAT_INNER_(a, b)

// Evaluates an expression yielding Status (or Result) and returns its Status from the enclosing
// function when it is not ok.
#define MK_RETURN_IF_ERROR(expr) MK_RETURN_IF_ERROR_IMPL_(MK_CONCAT_(mk_status_, __COUNTER__), expr)
#define MK_RETURN_IF_ERROR_IMPL_(var, expr) \
  do {                                      \
    auto var = ::mk::status_of(expr);       \
    if (!var.is_ok()) return var;           \
  } while (false)

namespace mk {
inline const Status& status_of(const Status& s) {
  return s;
}
}  // namespace mk
