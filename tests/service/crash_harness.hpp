// A reusable crash harness: runs work in a child process and kills it (SIGKILL) at a random
// moment, many times, with a check after every kill.
//
// The child reports through a pipe: one byte kReady once it got past opening the vault (the random
// delay starts only then, so every kill lands in the work, not in the unlock), then one byte per
// operation it starts. After the kill the parent has the trail of operations the child started,
// the last of which was in flight (or had just finished) when the kill landed.
#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <random>
#include <string>

namespace mk::service::test {

inline constexpr char kReady = '!';

// What the child is handed: where to report, and its own random seed.
class ChildReport {
 public:
  ChildReport(int fd, unsigned seed) : fd_(fd), seed_(seed) {}
  unsigned seed() const { return seed_; }
  // Writes one byte to the parent; a full or closed pipe ends the child (it cannot report).
  void say(char c) const {
    while (::write(fd_, &c, 1) != 1) {
      if (errno != EINTR) ::_exit(2);
    }
  }

 private:
  int fd_;
  unsigned seed_;
};

struct KillRound {
  int index = 0;        // 0, 1, ...
  bool killed = false;  // false when the child had ended by itself (then it exited 0)
  std::string trail;    // the bytes the child said after kReady
  std::chrono::microseconds delay{0};
  char in_flight() const { return trail.empty() ? '-' : trail.back(); }
};

namespace detail {

// Reads the pipe to its end: everything the (dead) child wrote into it.
inline std::string drain(int fd) {
  std::string out;
  char buf[256];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return out;  // EOF: the child is gone and the pipe empty
    }
  }
}

}  // namespace detail

// Runs `child` in a forked process `kills` times. Each time: waits (at most `ready_timeout`) for
// the child's kReady, sleeps a delay drawn uniformly from [0, max_delay], SIGKILLs the child, and
// calls `after_each` with what happened. `child` must never return normally into the test (it is
// _exit(0)ed if it does) and must not use Catch2 assertions (it is another process); it ends with
// _exit(n != 0) on an unexpected error, which fails the test with that code. The parent must hold
// no open vault while this runs (the child takes the vault's lock).
inline void kill_at_random_points(int kills, unsigned seed, std::chrono::microseconds max_delay,
                                  const std::function<void(const ChildReport&)>& child,
                                  const std::function<void(const KillRound&)>& after_each,
                                  std::chrono::seconds ready_timeout = std::chrono::seconds(30)) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::int64_t> when(0, max_delay.count());
  for (int k = 0; k < kills; ++k) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const unsigned child_seed = static_cast<unsigned>(rng());
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(fds[0]);
      child(ChildReport(fds[1], child_seed));
      ::_exit(0);
    }
    ::close(fds[1]);
    KillRound round;
    round.index = k;
    round.delay = std::chrono::microseconds(when(rng));

    // Wait for kReady; anything else first is a child that failed before it was ready.
    pollfd p{fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(ready_timeout.count() * 1000));
    char first = 0;
    bool got = ready == 1 && ::read(fds[0], &first, 1) == 1 && first == kReady;
    if (!got) {
      ::kill(pid, SIGKILL);
      int status = 0;
      ::waitpid(pid, &status, 0);
      ::close(fds[0]);
      FAIL("round " << k << ": the child did not get ready (exit "
                    << (WIFEXITED(status) ? WEXITSTATUS(status) : -1) << ")");
    }
    ::usleep(static_cast<useconds_t>(round.delay.count()));
    round.killed = ::kill(pid, SIGKILL) == 0;
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    round.trail = detail::drain(fds[0]);
    ::close(fds[0]);
    INFO("round " << k << " after " << round.delay.count() << " us, trail '" << round.trail << "'");
    if (WIFEXITED(status)) {
      REQUIRE(WEXITSTATUS(status) == 0);  // an early end must be a clean one
      round.killed = false;
    } else {
      REQUIRE(WIFSIGNALED(status));
      REQUIRE(WTERMSIG(status) == SIGKILL);
      round.killed = true;
    }
    after_each(round);
  }
}

}  // namespace mk::service::test
