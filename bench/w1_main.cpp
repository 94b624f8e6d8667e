// meldkluis-bench: workload W1 (issue 9), one command, one table.
//
//   meldkluis-bench [--scale 1.0] [--only intake|lookup|audit|retention|export|open]
//                   [--dir FOLDER] [--keep]
//
// Builds W1 at the scale factor (1.0: 150,000 persons, 100,000 signals, 1,000,000 audit entries)
// through the vault and service APIs, measures each operation of issue 9 in the same run so the
// ratios hold on a noisy machine, and prints the table. --only still builds W1 (intake and the
// audit fill are the build) but skips the baselines and the other measurements. The vault is made
// in a new folder under --dir (default: the system temp folder) and removed unless --keep.
//
// Exit status: 0 when every measurement ran, 1 when any failed (the table says which), 2 for bad
// arguments. Timing goals never change the exit status.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "crypto/random.hpp"
#include "crypto/secret_buffer.hpp"
#include "w1_measurements.hpp"
#include "w1_table.hpp"
#include "w1_world.hpp"

using namespace mk;
using namespace mk::bench;

namespace {

struct Options {
  double scale = 1.0;
  std::string only;
  std::filesystem::path dir = std::filesystem::temp_directory_path();
  bool keep = false;
};

constexpr const char* kNames[] = {"intake", "lookup", "audit", "retention", "export", "open"};

bool known(const std::string& name) {
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

int usage() {
  std::fprintf(stderr,
               "usage: meldkluis-bench [--scale F] [--only "
               "intake|lookup|audit|retention|export|open] [--dir FOLDER] [--keep]\n");
  return 2;
}

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--scale" && has_value) {
      char* end = nullptr;
      o.scale = std::strtod(argv[++i], &end);
      if (end == nullptr || *end != '\0' || !(o.scale > 0) || o.scale > 10) return false;
    } else if (a == "--only" && has_value) {
      o.only = argv[++i];
      if (!known(o.only)) return false;
    } else if (a == "--dir" && has_value) {
      o.dir = argv[++i];
    } else if (a == "--keep") {
      o.keep = true;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) return usage();
  if (!crypto::initialize()) return std::fprintf(stderr, "libsodium failed to start\n"), 1;
  auto wanted = [&](const char* name) { return options.only.empty() || options.only == name; };

  const W1Size size = W1Size::at(options.scale);
  std::filesystem::path root =
      options.dir / ("meldkluis-w1-" + std::to_string(::getpid()) + "-" + crypto::random_base32(4));
  std::error_code ec;
  std::filesystem::create_directories(root, ec);
  if (ec) return std::fprintf(stderr, "cannot create %s\n", root.c_str()), 1;
  std::fprintf(stderr, "W1 at scale %g: %zu persons, %zu signals, %zu audit entries, in %s\n",
               options.scale, size.persons, size.signals, size.audit_entries, root.c_str());

  Results results;
  auto run = [&](const char* phase, const std::function<Status()>& work) {
    std::fprintf(stderr, "%s ...\n", phase);
    auto t = Stopwatch::now();
    Status s = work();
    std::fprintf(stderr, "%s: %s (%.1f s)\n", phase, s.is_ok() ? "done" : "FAILED",
                 seconds_since(t));
    if (!s.is_ok()) results.failures.push_back({phase, s.to_string()});
    // The rows so far, so a long run that is stopped still leaves its numbers.
    print_table(stderr, results, options.scale);
    return s.is_ok();
  };

  std::optional<World> world;
  bool built = run("create vault", [&]() -> Status {
    MK_ASSIGN_OR_RETURN(World w, World::create(root, size));
    world.emplace(std::move(w));
    return Status::ok();
  });
  built = built && run("intake", [&] { return measure_intake(*world, wanted("intake"), results); });
  built = built && run("audit", [&] { return measure_audit(*world, wanted("audit"), results); });
  if (built) {
    if (wanted("lookup")) run("lookup", [&] { return measure_lookup(*world, results); });
    if (wanted("export")) run("export", [&] { return measure_export(*world, results); });
    if (wanted("retention")) run("retention", [&] { return measure_retention(*world, results); });
    if (wanted("open")) run("open", [&] { return measure_open(*world, results); });
  }
  world.reset();

  print_table(stdout, results, options.scale);
  if (!options.keep) std::filesystem::remove_all(root, ec);
  return results.failures.empty() ? 0 : 1;
}
