// How a command ends: Exit (an exit code with a message and a hint for the user) and Outcome<T>
// (a value or the Exit that explains why there is none). Usage errors have no mk::Code, so the CLI
// carries its own type; service errors convert through exit_code_for().
#pragma once

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

#include "base/result.hpp"
#include "base/status.hpp"
#include "cli/exit_codes.hpp"

namespace mk::cli {

class [[nodiscard]] Exit {
 public:
  Exit() = default;  // ok
  Exit(ExitCode code, std::string message, std::string hint = {})
      : code_(code), message_(std::move(message)), hint_(std::move(hint)) {}
  // A service error (or ok).
  Exit(const Status& status)  // NOLINT(google-explicit-constructor)
      : code_(exit_code_for(status.code())), message_(status.message()) {}

  static Exit ok() { return Exit(); }
  static Exit usage(std::string message, std::string hint = {}) {
    return Exit(ExitCode::kUsage, std::move(message), std::move(hint));
  }
  static Exit invalid(std::string message) {
    return Exit(ExitCode::kInvalidInput, std::move(message));
  }

  bool is_ok() const { return code_ == ExitCode::kOk; }
  ExitCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& hint() const { return hint_; }

 private:
  ExitCode code_ = ExitCode::kOk;
  std::string message_;
  std::string hint_;
};

template <typename T>
class [[nodiscard]] Outcome {
 public:
  Outcome(T value) : data_(std::move(value)) {}       // NOLINT(google-explicit-constructor)
  Outcome(Exit exit) : data_(std::move(exit)) {       // NOLINT(google-explicit-constructor)
    if (std::get<Exit>(data_).is_ok()) std::abort();  // an ok Exit carries no value
  }
  Outcome(const Status& status) : Outcome(Exit(status)) {}  // NOLINT

  explicit operator bool() const { return data_.index() == 0; }
  const Exit& exit() const { return std::get<Exit>(data_); }
  T& operator*() { return std::get<T>(data_); }
  const T& operator*() const { return std::get<T>(data_); }
  T* operator->() { return &std::get<T>(data_); }
  const T* operator->() const { return &std::get<T>(data_); }

 private:
  std::variant<T, Exit> data_;
};

template <typename T>
Exit exit_of(const Outcome<T>& o) {
  return o ? Exit::ok() : o.exit();
}

}  // namespace mk::cli

// Declares `lhs` from an Outcome- or Result-returning expression, or returns its Exit.
#define MK_CLI_CONCAT_INNER_(a, b) a##b
#define MK_CLI_CONCAT_(a, b) MK_CLI_CONCAT_INNER_(a, b)
#define MK_CLI_TRY(lhs, expr) MK_CLI_TRY_IMPL_(MK_CLI_CONCAT_(mk_cli_tmp_, __LINE__), lhs, expr)
#define MK_CLI_TRY_IMPL_(tmp, lhs, expr)       \
  auto tmp = (expr);                           \
  if (!tmp) return ::mk::cli::exit_from_(tmp); \
  lhs = std::move(*tmp)

namespace mk::cli {
template <typename T>
Exit exit_from_(const Outcome<T>& o) {
  return o.exit();
}
template <typename T>
Exit exit_from_(const Result<T>& r) {
  return Exit(r.status());
}
}  // namespace mk::cli
