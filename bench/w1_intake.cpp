// Intake: the full path against the SQLCipher and SQLite baselines.
#include <algorithm>
#include <cstdio>

#include "w1_baseline.hpp"
#include "w1_measurements.hpp"

namespace mk::bench {
namespace {

// Per-record times of each batch (ms per record) and the total.
struct Series {
  std::vector<double> per_record_ms;
  double total_s = 0;
  std::size_t n = 0;
};

template <typename Work>
Status timed_batch(Series& series, std::size_t count, Work&& work) {
  auto t = Stopwatch::now();
  MK_RETURN_IF_ERROR(work());
  double s = seconds_since(t);
  series.per_record_ms.push_back(s * 1000.0 / static_cast<double>(count));
  series.total_s += s;
  series.n += count;
  return Status::ok();
}

Row row_of(const std::string& name, const std::string& variant, const Series& s) {
  Row r;
  r.name = name;
  r.variant = variant;
  r.n = s.n;
  if (!s.per_record_ms.empty()) {
    r.p50_ms = quantile(s.per_record_ms, 0.5);
    r.p99_ms = quantile(s.per_record_ms, 0.99);
  }
  if (s.total_s > 0) r.throughput = static_cast<double>(s.n) / s.total_s;
  r.unit = "rec/s";
  return r;
}

struct Stores {
  std::optional<BaselineStore> cipher;
  std::optional<BaselineStore> plain;
};

// One kind of record (persons or signals) through all three variants, batch by batch.
template <typename Full, typename Base>
Status run_kind(const std::string& name, std::size_t total, std::size_t batch, Stores& stores,
                Full&& full, Base&& base, Results& results) {
  Series full_s, cipher_s, plain_s;
  MemoryProbe memory;
  memory.start();
  for (std::size_t begin = 0; begin < total; begin += batch) {
    std::size_t end = std::min(total, begin + batch);
    MK_RETURN_IF_ERROR(timed_batch(full_s, end - begin, [&] { return full(begin, end); }));
    if (stores.cipher) {
      MK_RETURN_IF_ERROR(
          timed_batch(cipher_s, end - begin, [&] { return base(*stores.cipher, begin, end); }));
      MK_RETURN_IF_ERROR(
          timed_batch(plain_s, end - begin, [&] { return base(*stores.plain, begin, end); }));
    }
    if ((begin / batch) % 25 == 24) {
      std::fprintf(stderr, "  %s: %zu of %zu\n", name.c_str(), end, total);
    }
  }
  memory.stop();
  Row f = row_of(name, "full (vault)", full_s);
  f.rss_peak_mib = memory.peak_mib();
  f.rss_delta_mib = memory.delta_mib();
  f.ratio = 1.0;
  results.rows.push_back(f);
  if (stores.cipher) {
    Row c = row_of(name, "sqlcipher, no field crypto", cipher_s);
    c.ratio = full_s.total_s / cipher_s.total_s;
    c.goal = "full <= 2.0x this";
    c.met = *c.ratio <= 2.0;
    results.rows.push_back(c);
    Row p = row_of(name, "sqlite format (no key)", plain_s);
    p.ratio = full_s.total_s / plain_s.total_s;
    results.rows.push_back(p);
  }
  return Status::ok();
}

}  // namespace

Status measure_intake(World& world, bool baselines, Results& results) {
  const W1Size& size = world.size();
  Stores stores;
  if (baselines) {
    MK_ASSIGN_OR_RETURN(stores.cipher,
                        BaselineStore::create(world.root() / "baseline-sqlcipher.db",
                                              BaselineStore::Kind::kSqlCipher, size));
    MK_ASSIGN_OR_RETURN(stores.plain, BaselineStore::create(world.root() / "baseline-sqlite.db",
                                                            BaselineStore::Kind::kSqlite, size));
  }
  MK_RETURN_IF_ERROR(run_kind(
      "intake person", size.persons, size.batch, stores,
      [&](std::size_t b, std::size_t e) { return world.add_persons(b, e); },
      [](BaselineStore& s, std::size_t b, std::size_t e) { return s.add_persons(b, e); }, results));
  MK_RETURN_IF_ERROR(run_kind(
      "intake signal", size.signals, size.batch, stores,
      [&](std::size_t b, std::size_t e) { return world.add_signals(b, e); },
      [](BaselineStore& s, std::size_t b, std::size_t e) { return s.add_signals(b, e); }, results));
  MK_RETURN_IF_ERROR(world.close_sweep_signals());
  return world.open_export_case();
}

}  // namespace mk::bench
