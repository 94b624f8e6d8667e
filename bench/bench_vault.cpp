// bench_vault: what unlocking and intake cost on this machine.
//   build/bench/bench_vault [persons]      (default 10000)
// Prints: the Argon2id parameters calibrated for a 500 ms target and the measured unlock time,
// then the time to add N persons (seven encrypted fields, three blind indexes each) in one unit of
// work and in units of 100, and a lookup by name and date of birth.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "crypto/password_kdf.hpp"
#include "vault/field_rules.hpp"
#include "vault/person_store.hpp"
#include "vault/unit_of_work.hpp"
#include "vault/vault.hpp"

using namespace mk;
using namespace mk::vault;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point start) {
  return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

std::string nth_bsn(long long& next) {
  for (;; ++next) {
    std::string d = std::to_string(next);
    if (bsn_passes_11_proef(d)) {
      ++next;
      return d;
    }
  }
}

PersonIdentity person(int n, long long& bsn_cursor) {
  static const char* first[] = {"Anouk", "Daan",  "Sanne",  "Mehmet",
                                "Ioana", "Piotr", "Fatima", "Kees"};
  static const char* last[] = {"de Vries", "Jansen", "Bakker",   "Yılmaz",
                               "Popescu",  "Nowak",  "el Amrani"};
  PersonIdentity id;
  id.set(PersonField::kName,
         std::string(first[n % 8]) + " " + last[(n / 8) % 7] + " " + std::to_string(n));
  id.set(PersonField::kDateOfBirth, "19" + std::to_string(60 + n % 40) + "-0" +
                                        std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10));
  id.set(PersonField::kBsn, nth_bsn(bsn_cursor));
  id.set(PersonField::kDocumentNumber, "NL" + std::to_string(1000000 + n));
  id.set(PersonField::kAddress,
         "Herenstraat " + std::to_string(1 + n % 180) + ", 2282 BX Rijswijk");
  id.set(PersonField::kPhone, "06-" + std::to_string(10000000 + n));
  return id;
}

}  // namespace

int main(int argc, char** argv) {
  if (!crypto::initialize()) return 1;
  int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("meldkluis-bench-" + std::to_string(::getpid()));
  SystemClock clock;
  crypto::SecretBuffer pass =
      crypto::SecretBuffer::copy_of(std::string_view("benchmark passphrase"));

  auto t = Stopwatch::now();
  crypto::PwhashParams params = crypto::calibrate(std::chrono::milliseconds(500));
  double calibrate_s = seconds_since(t);
  CreateOptions options;
  options.coordinator_kdf = params;
  {
    Result<Vault::Created> created = Vault::create(dir, pass, options, clock);
    if (!created) return std::fprintf(stderr, "%s\n", created.status().to_string().c_str()), 1;
  }
  t = Stopwatch::now();
  Result<Vault> v = Vault::open(dir, pass, std::string("coordinator"), clock);
  double unlock_s = seconds_since(t);
  if (!v) return 1;
  std::printf(
      "argon2id calibrated for 500 ms: opslimit=%llu memlimit=%llu MiB (calibration %.2f s)\n",
      static_cast<unsigned long long>(params.opslimit),
      static_cast<unsigned long long>(params.memlimit >> 20), calibrate_s);
  std::printf("unlock (Argon2id + unwrap + open store): %.3f s\n", unlock_s);

  long long bsn_cursor = 100000000;
  t = Stopwatch::now();
  {
    Result<UnitOfWork> uow = UnitOfWork::begin(*v);
    for (int i = 0; i < n; ++i) {
      if (!add_person(*uow, PersonRole::kVictim, person(i, bsn_cursor))) return 1;
    }
    if (!uow->commit().is_ok()) return 1;
  }
  double one_unit_s = seconds_since(t);
  std::printf("add %d persons in one unit of work: %.2f s (%.0f per second)\n", n, one_unit_s,
              n / one_unit_s);

  t = Stopwatch::now();
  for (int i = 0; i < n; i += 100) {
    Result<UnitOfWork> uow = UnitOfWork::begin(*v);
    for (int j = i; j < i + 100 && j < n; ++j) {
      if (!add_person(*uow, PersonRole::kVictim, person(n + j, bsn_cursor))) return 1;
    }
    if (!uow->commit().is_ok()) return 1;
  }
  double batched_s = seconds_since(t);
  std::printf("add %d more persons in units of 100 (one fsync'd commit each): %.2f s\n", n,
              batched_s);

  PersonIdentity q = person(n / 2, bsn_cursor);
  t = Stopwatch::now();
  constexpr int kLookups = 1000;
  for (int i = 0; i < kLookups; ++i) {
    Result<UnitOfWork> uow = UnitOfWork::begin(*v);
    Result<std::vector<Person>> found = find_persons(*uow, PersonIndexKind::kNameDob, q);
    if (!found || found->size() != 1) return std::fprintf(stderr, "lookup failed\n"), 1;
    (void)uow->commit();
  }
  std::printf("lookup by name + date of birth among %d: %.3f ms each (mean of %d)\n", 2 * n,
              seconds_since(t) * 1000 / kLookups, kLookups);
  v = Status(Code::kInternal, "closed");
  std::filesystem::remove_all(dir);
  return 0;
}
