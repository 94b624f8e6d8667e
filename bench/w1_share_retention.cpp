// Retention sweep and export to a partner: the two bulk operations on many subjects.
#include "service/retention.hpp"
#include "service/sharing.hpp"
#include "w1_measurements.hpp"

namespace mk::bench {

Status measure_retention(World& world, Results& results) {
  service::Session& s = world.session();
  MK_ASSIGN_OR_RETURN(
      service::RetentionPlan plan,
      service::plan_retention(
          s, Date::from_sys_days(std::chrono::floor<std::chrono::days>(world.clock().now()))));
  MemoryProbe memory;
  memory.start();
  auto t = Stopwatch::now();
  MK_ASSIGN_OR_RETURN(service::SweepReport report, service::sweep_retention(s));
  double secs = seconds_since(t);
  memory.stop();
  Row r;
  r.name = "retention sweep";
  r.variant = "sweep_retention";
  r.n = report.shredded.size();
  r.p50_ms = secs * 1000.0;
  r.throughput = static_cast<double>(report.shredded.size()) / secs;
  r.unit = "subjects/s";
  r.goal = "<= 5 s for 10,000";
  // The goal is for 10,000 subjects; at other scales it is scaled with the count.
  r.met = secs <= 5.0 * static_cast<double>(report.shredded.size()) / 10000.0;
  r.rss_peak_mib = memory.peak_mib();
  r.rss_delta_mib = memory.delta_mib();
  results.rows.push_back(r);
  const std::size_t expected = 2 * world.size().sweep_signals;
  if (report.shredded.size() != expected || plan.shreddable() != expected) {
    results.notes.push_back("retention: expected " + std::to_string(expected) +
                            " subjects due, the plan listed " + std::to_string(plan.shreddable()) +
                            " and the sweep handled " + std::to_string(report.shredded.size()));
  }
  return Status::ok();
}

Status measure_export(World& world, Results& results) {
  service::Session& s = world.session();
  MK_ASSIGN_OR_RETURN(std::string recipient,
                      service::partner_keygen(world.root() / "shop-sleutel.txt", world.clock()));
  vault::Partner shop;
  shop.id = "shop";
  shop.name = "Stichting SHOP Den Haag";
  shop.kind = "care_coordination";
  shop.age_recipient = recipient;
  shop.purposes = {"care_referral"};
  MK_RETURN_IF_ERROR(service::add_partner(s, shop));
  service::ShareTarget target;
  target.case_id = world.export_case();
  MemoryProbe memory;
  memory.start();
  auto t = Stopwatch::now();
  MK_ASSIGN_OR_RETURN(service::ShareReceipt receipt,
                      service::export_share(s, "shop", "care_referral", target,
                                            world.root() / "shop-verwijzing.age"));
  double secs = seconds_since(t);
  memory.stop();
  Row r;
  r.name = "export to SHOP";
  r.variant = "export_share (case)";
  r.n = receipt.record_count;
  r.p50_ms = secs * 1000.0;
  r.throughput = static_cast<double>(receipt.record_count) / secs;
  r.unit = "records/s";
  r.goal = "<= 1 s for 1,000";
  r.met = secs <= static_cast<double>(receipt.record_count) / 1000.0;
  r.rss_peak_mib = memory.peak_mib();
  r.rss_delta_mib = memory.delta_mib();
  results.rows.push_back(r);
  return Status::ok();
}

}  // namespace mk::bench
