// Shared fixture of the service tests: a vault made through Session::create in a temporary
// folder, with a clock the test sets, reopened as the test needs (as the CLI does per command).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "service/casework.hpp"
#include "service/session.hpp"
#include "vault/test_vault_fixture.hpp"

namespace mk::service::test {

using vault::test::secret;
using vault::test::TempDir;

inline Instant instant_of(const Date& d, int hour = 10) {
  return d.sys_days() + std::chrono::hours(hour);
}

class TestSession {
 public:
  // Creates the vault on `today` with the shipped policies (or `policy_dir`), and keeps the
  // session open.
  explicit TestSession(const Date& today, std::filesystem::path policy_dir = default_policy_dir())
      : dir_(temp_.path() / "vault"),
        policy_dir_(std::move(policy_dir)),
        clock_(instant_of(today)) {
    Result<Session::Created> created =
        Session::create(dir_, secret(vault::test::kCoordinatorPassphrase),
                        crypto::pwhash_params_for_tests(), clock_, "test", policy_dir_);
    MK_REQUIRE_OK(created);
    session_.emplace(std::move(created->session));
  }
  TestSession(const TestSession&) = delete;
  TestSession& operator=(const TestSession&) = delete;

  Session& s() { return *session_; }
  FixedClock& clock() { return clock_; }
  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& temp() const { return temp_.path(); }

  void close() { session_.reset(); }
  // Closes and opens again as the coordinator on `today` (the clock moves there).
  void reopen(const Date& today) {
    session_.reset();
    clock_.set(instant_of(today));
    Result<Session> opened = Session::open(dir_, secret(vault::test::kCoordinatorPassphrase),
                                           std::nullopt, clock_, "test", policy_dir_);
    MK_REQUIRE_OK(opened);
    session_.emplace(std::move(*opened));
  }
  void set_policy_dir(std::filesystem::path dir) { policy_dir_ = std::move(dir); }

 private:
  TempDir temp_;
  std::filesystem::path dir_;
  std::filesystem::path policy_dir_;
  FixedClock clock_;
  std::optional<Session> session_;
};

}  // namespace mk::service::test
