// Opening the vault at W1 size, with Argon2id measured on its own and subtracted.
#include "crypto/password_kdf.hpp"
#include "crypto/random.hpp"
#include "w1_measurements.hpp"

namespace mk::bench {

Status measure_open(World& world, Results& results) {
  constexpr int kRounds = 5;
  std::vector<double> open_ms, kdf_ms;
  world.close();
  MemoryProbe memory;
  memory.start();
  for (int k = 0; k < kRounds; ++k) {
    auto t = Stopwatch::now();
    MK_RETURN_IF_ERROR(world.reopen());
    open_ms.push_back(seconds_since(t) * 1000.0);
    world.close();
  }
  memory.stop();
  Bytes salt = crypto::random_bytes(crypto::kPwhashSaltSize);
  for (int k = 0; k < kRounds; ++k) {
    auto t = Stopwatch::now();
    std::optional<crypto::SecretBuffer> key =
        crypto::derive_from_passphrase(world.passphrase().view(), salt, world.kdf());
    kdf_ms.push_back(seconds_since(t) * 1000.0);
    if (!key) return internal_error("the key derivation failed");
  }
  MK_RETURN_IF_ERROR(world.reopen());
  const double open = quantile(open_ms, 0.5);
  const double kdf = quantile(kdf_ms, 0.5);
  Row full;
  full.name = "open vault";
  full.variant = "Session::open (total)";
  full.n = kRounds;
  full.p50_ms = open;
  full.p99_ms = quantile(open_ms, 1.0);
  full.rss_peak_mib = memory.peak_mib();
  full.rss_delta_mib = memory.delta_mib();
  results.rows.push_back(full);
  Row k;
  k.name = "open vault";
  k.variant = "Argon2id alone (test params)";
  k.n = kRounds;
  k.p50_ms = kdf;
  k.p99_ms = quantile(kdf_ms, 1.0);
  results.rows.push_back(k);
  Row net;
  net.name = "open vault";
  net.variant = "open minus Argon2id";
  net.n = kRounds;
  net.p50_ms = open - kdf;
  net.goal = "<= 100 ms";
  net.met = open - kdf <= 100.0;
  results.rows.push_back(net);
  return Status::ok();
}

}  // namespace mk::bench
