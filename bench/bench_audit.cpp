// bench_audit: what the audit log costs at scale.
//   build/bench/bench_audit [entries]      (default 1000000)
// Appends N entries in units of 1000 (as a busy vault would, each unit one transaction), signs a
// checkpoint, then verifies the whole log and proves one entry.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "crypto/password_kdf.hpp"
#include "vault/audit_log.hpp"
#include "vault/unit_of_work.hpp"
#include "vault/vault.hpp"

using namespace mk;
using namespace mk::vault;
using Stopwatch = std::chrono::steady_clock;

namespace {
double seconds_since(Stopwatch::time_point start) {
  return std::chrono::duration<double>(Stopwatch::now() - start).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (!crypto::initialize()) return 1;
  const long n = argc > 1 ? std::atol(argv[1]) : 1000000;
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("meldkluis-bench-audit-" + std::to_string(::getpid()));
  SystemClock clock;
  crypto::SecretBuffer pass =
      crypto::SecretBuffer::copy_of(std::string_view("benchmark passphrase"));
  CreateOptions options;
  options.coordinator_kdf = crypto::pwhash_params_for_tests();
  Result<Vault::Created> created = Vault::create(dir, pass, options, clock);
  if (!created) return std::fprintf(stderr, "%s\n", created.status().to_string().c_str()), 1;
  Vault& v = created->vault;
  AuditLog log("bench@localhost");
  v.set_audit_sink(&log);

  auto t = Stopwatch::now();
  for (long done = 0; done < n;) {
    Result<UnitOfWork> uow = UnitOfWork::begin(v);
    if (!uow) return 1;
    for (int i = 0; i < 1000 && done < n; ++i, ++done) {
      uow->record({"person.read", "P-7K3M9Q2X", "fields=name,date_of_birth,bsn"});
    }
    if (!uow->commit().is_ok()) return 1;
  }
  double append_s = seconds_since(t);
  std::printf("append %ld entries in units of 1000: %.2f s (%.0f entries/s)\n", n, append_s,
              static_cast<double>(n) / append_s);

  t = Stopwatch::now();
  Result<std::string> note = write_checkpoint(v);
  if (!note) return 1;
  std::printf("sign a checkpoint: %.3f s\n", seconds_since(t));

  t = Stopwatch::now();
  Result<AuditVerification> verified = verify_audit_log(v, *note);
  double verify_s = seconds_since(t);
  if (!verified || !verified->ok) return std::fprintf(stderr, "verification failed\n"), 1;
  std::printf("verify all %llu entries: %.2f s (%.0f entries/s)\n",
              static_cast<unsigned long long>(verified->entries), verify_s,
              static_cast<double>(verified->entries) / verify_s);

  t = Stopwatch::now();
  Result<InclusionProof> proof = prove_audit_entry(v, static_cast<std::uint64_t>(n / 3), *note);
  if (!proof) return 1;
  std::printf("prove one entry (%zu hashes): %.3f ms\n", proof->path.size(),
              seconds_since(t) * 1000);
  std::printf("database size: %.1f MiB\n",
              static_cast<double>(std::filesystem::file_size(v.paths().database())) / 1048576.0);
  std::filesystem::remove_all(dir);
  return 0;
}
