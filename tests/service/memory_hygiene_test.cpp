// Memory hygiene: a passphrase and the recovery key live only in secure memory. After a session
// made with them is closed, a scan of every readable page of this process (heap, stacks, library
// data; everything /proc/self/maps lists) finds them nowhere but in the secure buffers the test
// itself holds. A copy left in an ordinary std::string, a stack buffer or freed heap memory would
// be found: that is what a core dump, a swap file or a memory-reading attacker would get.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "crypto/password_kdf.hpp"
#include "crypto/secret_buffer.hpp"
#include "service/session.hpp"
#include "service_fixture.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

namespace {

struct Region {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
};

// Larger mappings are address-space reservations, not data: AddressSanitizer's shadow memory
// reserves terabytes that read as zeros. Nothing this process holds comes near this size.
constexpr std::uintptr_t kLargestScannedRegion = std::uintptr_t{1} << 32;

// The readable mappings of this process, from /proc/self/maps, minus the kernel's special ones
// and reservations larger than kLargestScannedRegion.
std::vector<Region> readable_regions() {
  std::ifstream maps("/proc/self/maps");
  std::vector<Region> out;
  std::string line;
  while (std::getline(maps, line)) {
    Region r;
    char perms[5] = {};
    if (std::sscanf(line.c_str(), "%lx-%lx %4s", &r.begin, &r.end, perms) != 3) continue;
    if (perms[0] != 'r') continue;
    if (line.find("[vvar]") != std::string::npos || line.find("[vsyscall]") != std::string::npos)
      continue;
    if (r.end - r.begin > kLargestScannedRegion) continue;
    out.push_back(r);
  }
  return out;
}

bool holds(const Region& r, const void* p) {
  auto a = reinterpret_cast<std::uintptr_t>(p);
  return a >= r.begin && a < r.end;
}

// How many times `needle` occurs in readable memory outside the regions holding any of `own`
// (the test's own secure buffers, and the scan buffer). Reads through /proc/self/mem so pages
// that cannot be read are skipped rather than faulting. The scan buffer is secure memory, so the
// scan itself leaves no copy behind.
int occurrences_in_memory(std::span<const std::uint8_t> needle,
                          const std::vector<const crypto::SecretBuffer*>& own) {
  constexpr std::size_t kChunk = 1 << 20;
  crypto::SecretBuffer chunk(kChunk + needle.size());
  int mem = ::open("/proc/self/mem", O_RDONLY);
  REQUIRE(mem >= 0);
  int found = 0;
  for (const Region& r : readable_regions()) {
    bool skip = holds(r, chunk.data());
    for (const crypto::SecretBuffer* b : own)
      skip = skip || holds(r, b->data());
    if (skip) continue;
    // Overlapping chunks (by needle size - 1) so a copy across a chunk boundary is still seen.
    for (std::uintptr_t at = r.begin; at < r.end; at += kChunk) {
      std::size_t want = std::min<std::uintptr_t>(kChunk + needle.size() - 1, r.end - at);
      ssize_t got = ::pread(mem, chunk.data(), want, static_cast<off_t>(at));
      if (got <= 0) break;
      const std::uint8_t* hay = chunk.data();
      std::size_t n = static_cast<std::size_t>(got);
      for (const void* hit = ::memmem(hay, n, needle.data(), needle.size()); hit != nullptr;) {
        ++found;
        std::size_t next =
            static_cast<std::size_t>(static_cast<const std::uint8_t*>(hit) - hay) + 1;
        hit = next < n ? ::memmem(hay + next, n - next, needle.data(), needle.size()) : nullptr;
      }
    }
  }
  ::close(mem);
  crypto::wipe(chunk.data(), chunk.size());
  return found;
}

// Traces of `secret` outside `own`: occurrences of its first and of its last 16 bytes, counted
// apart. Halves, because the allocator overwrites the first bytes of a freed block with its own
// pointers: a freed copy keeps its tail, and 16 random hex characters (64 bits) never match by
// chance.
int traces_in_memory(const crypto::SecretBuffer& secret,
                     const std::vector<const crypto::SecretBuffer*>& own) {
  constexpr std::size_t kWindow = 16;
  REQUIRE(secret.size() >= 2 * kWindow);
  return occurrences_in_memory(secret.view().first(kWindow), own) +
         occurrences_in_memory(secret.view().last(kWindow), own);
}

// A passphrase of 32 hex characters made in secure memory from random bytes: it exists nowhere
// else, not even in this binary's constants.
crypto::SecretBuffer fresh_passphrase() {
  static constexpr char kHex[] = "0123456789abcdef";
  crypto::SecretBuffer random = crypto::SecretBuffer::random(16);
  crypto::SecretBuffer out(32);
  for (std::size_t i = 0; i < 16; ++i) {
    out.data()[2 * i] = static_cast<std::uint8_t>(kHex[random.data()[i] >> 4]);
    out.data()[2 * i + 1] = static_cast<std::uint8_t>(kHex[random.data()[i] & 0x0f]);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "after a session closes, its passphrase and recovery key are nowhere in memory but in "
    "secure buffers",
    "[memory]") {
  TempDir temp;
  FixedClock clock(instant_of(Date(2026, 11, 29)));
  crypto::SecretBuffer passphrase = fresh_passphrase();
  crypto::SecretBuffer recovery_key;
  {
    Result<Session::Created> created =
        Session::create(temp.path() / "vault", passphrase, crypto::pwhash_params_for_tests(), clock,
                        "test", default_policy_dir());
    MK_REQUIRE_OK(created);
    recovery_key = std::move(created->recovery_key);
    REQUIRE(created->session.checkpoint().is_ok());
  }
  {
    clock.advance(std::chrono::minutes(5));
    Result<Session> opened =
        Session::open(temp.path() / "vault", passphrase, std::nullopt, clock, "test");
    MK_REQUIRE_OK(opened);
    REQUIRE(opened->checkpoint().is_ok());
  }
  {
    clock.advance(std::chrono::minutes(5));
    Result<Session> by_recovery =
        Session::open(temp.path() / "vault", recovery_key, std::string("recovery"), clock, "test");
    MK_REQUIRE_OK(by_recovery);
  }
  const std::vector<const crypto::SecretBuffer*> own = {&passphrase, &recovery_key};
  CHECK(traces_in_memory(passphrase, own) == 0);
  CHECK(traces_in_memory(recovery_key, own) == 0);

  // The scan sees what it must: a live copy on the heap (both halves), and the tail of a freed
  // one (a block the allocator keeps, not one it returns to the system).
  {
    std::vector<std::uint8_t> live_copy(passphrase.view().begin(), passphrase.view().end());
    CHECK(traces_in_memory(passphrase, own) == 2);
    crypto::wipe(live_copy.data(), live_copy.size());
  }
  CHECK(traces_in_memory(passphrase, own) == 0);
  {
    auto freed = std::make_unique<std::uint8_t[]>(60 * 1024);
    std::memcpy(freed.get() + 60 * 1024 - passphrase.size(), passphrase.data(), passphrase.size());
    asm volatile("" : : "r"(freed.get()) : "memory");  // keep the store: the block is read later
  }
  CHECK(traces_in_memory(passphrase, own) >= 1);
}
