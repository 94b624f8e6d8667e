// Audit: the cost of appending entries, and of verifying the whole log.
#include <algorithm>
#include <cstdio>

#include "vault/audit_log.hpp"
#include "w1_measurements.hpp"

namespace mk::bench {

Status measure_audit(World& world, bool verify, Results& results) {
  vault::Vault& v = world.session().vault();
  MK_ASSIGN_OR_RETURN(std::uint64_t existing, vault::audit_size(v));
  const std::size_t target = world.size().audit_entries;
  const std::size_t batch = world.size().batch;
  std::vector<double> per_entry_ms;
  double total_s = 0;
  std::size_t appended = 0;
  MemoryProbe append_memory;
  append_memory.start();
  for (std::size_t have = existing; have < target;) {
    std::size_t count = std::min(batch, target - have);
    auto t = Stopwatch::now();
    MK_RETURN_IF_ERROR(
        world.session().transact("bench.audit", [&](vault::UnitOfWork& uow) -> Status {
          for (std::size_t k = 0; k < count; ++k) {
            // What reading a person during casework records: an id and field names.
            uow.record({"person.read", world.person_id((have + k) % world.size().persons),
                        "fields=name,date_of_birth,address"});
          }
          return Status::ok();
        }));
    double s = seconds_since(t);
    per_entry_ms.push_back(s * 1000.0 / static_cast<double>(count));
    total_s += s;
    appended += count;
    have += count;
    if ((appended / batch) % 100 == 0) {
      std::fprintf(stderr, "  audit append: %zu of %zu\n", have, target);
    }
  }
  append_memory.stop();
  Row append;
  append.name = "audit append";
  append.variant = "units of 1,000";
  append.n = appended;
  if (!per_entry_ms.empty()) {
    append.p50_ms = quantile(per_entry_ms, 0.5);
    append.p99_ms = quantile(per_entry_ms, 0.99);
    append.throughput = static_cast<double>(appended) / total_s;
  }
  append.unit = "entries/s";
  append.rss_peak_mib = append_memory.peak_mib();
  append.rss_delta_mib = append_memory.delta_mib();
  results.rows.push_back(append);
  if (!verify) return Status::ok();

  MK_ASSIGN_OR_RETURN(std::string note, vault::write_checkpoint(v));
  MemoryProbe memory;
  memory.start();
  auto t = Stopwatch::now();
  MK_ASSIGN_OR_RETURN(vault::AuditVerification verified, vault::verify_audit_log(v, note));
  double s = seconds_since(t);
  memory.stop();
  if (!verified.ok) return vault_corrupt("the audit log did not verify: " + verified.problem);
  Row r;
  r.name = "audit verify all";
  r.variant = "verify_audit_log";
  r.n = verified.entries;
  r.p50_ms = s * 1000.0;
  r.throughput = static_cast<double>(verified.entries) / s;
  r.unit = "entries/s";
  r.goal = ">= 1,000,000 entries/s";
  r.met = *r.throughput >= 1e6;
  r.rss_peak_mib = memory.peak_mib();
  r.rss_delta_mib = memory.delta_mib();
  results.rows.push_back(r);
  return Status::ok();
}

}  // namespace mk::bench
