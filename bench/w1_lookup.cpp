// Lookup by name and date of birth: the blind index against decrypting every person.
#include <random>

#include "service/casework.hpp"
#include "vault/person_store.hpp"
#include "w1_measurements.hpp"
#include "w1_synthetic.hpp"

namespace mk::bench {
namespace {

vault::PersonIdentity name_dob_query(std::size_t i) {
  vault::PersonIdentity full = w1_person(i);
  vault::PersonIdentity q;
  q.set(vault::PersonField::kName, full.get(vault::PersonField::kName));
  q.set(vault::PersonField::kDateOfBirth, full.get(vault::PersonField::kDateOfBirth));
  return q;
}

bool holds(const std::vector<vault::Person>& found, const std::string& id) {
  for (const vault::Person& p : found) {
    if (p.summary.id == id) return true;
  }
  return false;
}

Row lookup_row(const std::string& variant, const std::vector<double>& ms, double total_s,
               const MemoryProbe& memory) {
  Row r;
  r.name = "lookup name+dob";
  r.variant = variant;
  r.n = ms.size();
  r.p50_ms = quantile(ms, 0.5);
  r.p99_ms = quantile(ms, 0.99);
  r.throughput = static_cast<double>(ms.size()) / total_s;
  r.unit = "lookups/s";
  r.goal = "p50 <= 0.5 ms";
  r.met = *r.p50_ms <= 0.5;
  r.rss_peak_mib = memory.peak_mib();
  r.rss_delta_mib = memory.delta_mib();
  return r;
}

}  // namespace

Status measure_lookup(World& world, Results& results) {
  const std::size_t first = world.general_persons_begin();
  const std::size_t population = world.size().persons - first;
  std::mt19937_64 random(20261129);
  std::vector<std::size_t> picks;
  for (std::size_t k = 0; k < world.size().lookups; ++k)
    picks.push_back(first + random() % population);

  // 1. The user's path: service::find_persons, one audited unit of work per lookup.
  {
    std::vector<double> ms;
    MemoryProbe memory;
    memory.start();
    auto all = Stopwatch::now();
    for (std::size_t i : picks) {
      vault::PersonIdentity q = name_dob_query(i);
      auto t = Stopwatch::now();
      MK_ASSIGN_OR_RETURN(
          std::vector<vault::Person> found,
          service::find_persons(world.session(), vault::PersonIndexKind::kNameDob, q));
      ms.push_back(seconds_since(t) * 1000.0);
      if (!holds(found, world.person_id(i))) return internal_error("a lookup missed its person");
    }
    double total = seconds_since(all);
    memory.stop();
    results.rows.push_back(lookup_row("service (own audited unit)", ms, total, memory));
  }

  // 2. The index alone: vault::find_persons inside one open unit of work (no commit per lookup).
  {
    std::vector<double> ms;
    MemoryProbe memory;
    memory.start();
    MK_ASSIGN_OR_RETURN(vault::UnitOfWork uow, vault::UnitOfWork::begin(world.session().vault()));
    auto all = Stopwatch::now();
    for (std::size_t i : picks) {
      vault::PersonIdentity q = name_dob_query(i);
      auto t = Stopwatch::now();
      MK_ASSIGN_OR_RETURN(std::vector<vault::Person> found,
                          vault::find_persons(uow, vault::PersonIndexKind::kNameDob, q));
      ms.push_back(seconds_since(t) * 1000.0);
      if (!holds(found, world.person_id(i))) return internal_error("a lookup missed its person");
    }
    double total = seconds_since(all);
    memory.stop();
    results.rows.push_back(lookup_row("vault index, in one unit", ms, total, memory));
  }  // rolled back: the reads were timed, their audit entries are not written

  // 3. Without a blind index: decrypt every person and compare (one scan finds all matches).
  {
    const std::size_t target = picks.front();
    std::optional<std::string> wanted =
        vault::normalised_index_input(vault::PersonIndexKind::kNameDob, name_dob_query(target));
    MemoryProbe memory;
    memory.start();
    MK_ASSIGN_OR_RETURN(vault::UnitOfWork uow, vault::UnitOfWork::begin(world.session().vault()));
    auto t = Stopwatch::now();
    MK_ASSIGN_OR_RETURN(std::vector<vault::PersonSummary> all, vault::list_persons(uow));
    bool hit = false;
    for (const vault::PersonSummary& s : all) {
      MK_ASSIGN_OR_RETURN(vault::Person p, vault::read_person(uow, s.id));
      if (vault::normalised_index_input(vault::PersonIndexKind::kNameDob, p.identity) == wanted &&
          p.summary.id == world.person_id(target)) {
        hit = true;
      }
    }
    double s = seconds_since(t);
    memory.stop();
    if (!hit) return internal_error("the scan missed its person");
    Row r;
    r.name = "lookup name+dob";
    r.variant = "decrypt-all scan";
    r.n = all.size();
    r.p50_ms = s * 1000.0;
    r.throughput = static_cast<double>(all.size()) / s;
    r.unit = "persons/s";
    r.rss_peak_mib = memory.peak_mib();
    r.rss_delta_mib = memory.delta_mib();
    results.rows.push_back(r);
    results.notes.push_back(
        "decrypt-all scan: one scan (list_persons + read_person for every person) in one unit "
        "of work, rolled back so its " +
        std::to_string(all.size()) + " read events are not appended; p50 is the scan's time.");
  }
  return Status::ok();
}

}  // namespace mk::bench
