// Programmer errors abort (status.hpp); these run each one in a child process.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <csignal>
#include <functional>
#include <limits>
#include <string>

#include "base/date.hpp"
#include "base/json.hpp"
#include "base/utf8.hpp"

namespace {

bool aborts(const std::function<void()>& f) {
  const pid_t pid = fork();
  if (pid == 0) {
    f();
    _exit(0);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return false;
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

}  // namespace

TEST_CASE("programmer errors: invalid dates abort", "[date]") {
  CHECK_FALSE(aborts([] { mk::Date(2024, 2, 29); }));
  CHECK(aborts([] { mk::Date(2023, 2, 29); }));
  CHECK(aborts([] { mk::Date(2026, 13, 1); }));
  CHECK(aborts([] { mk::Date(2026, 1, 0); }));
  CHECK(aborts([] { mk::Date(2026, 257, 1); }));
  CHECK(aborts([] { mk::Date(65536 + 2026, 1, 1); }));
}

TEST_CASE("programmer errors: json accessors of the wrong type abort", "[json]") {
  CHECK_FALSE(aborts([] { (void)mk::json::Value(1).as_integer(); }));
  CHECK(aborts([] { (void)mk::json::Value("x").as_integer(); }));
  CHECK(aborts([] { (void)mk::json::Value(1.5).as_integer(); }));
  CHECK(aborts([] { (void)mk::json::Value(1).as_string(); }));
  CHECK(aborts([] { (void)mk::json::Value().as_bool(); }));
  CHECK(aborts([] { mk::json::Value::array().set("k", 1); }));
  CHECK(aborts([] { mk::json::Value::object().push(1); }));
  CHECK(aborts([] { mk::json::Value v(std::nan("")); }));
  CHECK(aborts([] { mk::json::Value v(std::numeric_limits<double>::infinity()); }));
}

TEST_CASE("programmer errors: encoding a surrogate aborts", "[utf8]") {
  std::string s;
  CHECK(aborts([&] { mk::append_utf8(s, 0xD800); }));
  CHECK(aborts([&] { mk::append_utf8(s, 0x110000); }));
}
