// Workload W1 as a vault: its sizes at a scale factor, and the vault built through the real
// service and vault APIs (Session::create, Session::transact, vault::add_person, add_signal,
// close_signal, open_case), one unit of work per batch of records.
//
// Layout (G = sweep signals, E = export persons):
//   persons [0, G)            reporters of the sweep signals
//   persons [G, G+E)          adult victims in the export case
//   persons [G+E, P)          victims, suspects and others named in the other signals
//   signals [0, G)            resident reports received and closed "no suspicion" in 2019:
//                             with their reporters, 2 G retention subjects due in 2026
//   signals [G, G+E-1)        the export case's signals, one victim each
//   signals [G+E-1, S)        open signals of 2024-2026 naming one or two persons each
//   one case                  the export group: E-1 signals and E victims (1 + 2 E - 1 records)
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "crypto/password_kdf.hpp"
#include "crypto/secret_buffer.hpp"
#include "service/session.hpp"

namespace mk::bench {

struct W1Size {
  double scale = 1.0;
  std::size_t persons = 0;         // 150,000 at scale 1
  std::size_t signals = 0;         // 100,000
  std::size_t audit_entries = 0;   // 1,000,000 (intake's own entries included)
  std::size_t sweep_signals = 0;   // 5,000: 10,000 retention subjects
  std::size_t export_persons = 0;  // 500: 1,000 records with the case and its 499 signals
  std::size_t lookups = 0;         // 1,000 (at least 100)
  std::size_t batch = 1000;        // records per unit of work
  static W1Size at(double scale);
};

// "Today" for the whole run: 2026-11-29 10:00 UTC (FixedClock).
Instant w1_now();

class World {
 public:
  // Creates the vault folder under `root` (which must exist) with a coordinator slot under the
  // test KDF parameters (crypto::pwhash_params_for_tests()).
  static Result<World> create(const std::filesystem::path& root, const W1Size& size);

  World(World&&) noexcept = default;
  World& operator=(World&&) = delete;

  const W1Size& size() const { return size_; }
  service::Session& session() { return *session_; }
  bool is_open() const { return session_.has_value(); }
  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& root() const { return root_; }
  const FixedClock& clock() const { return *clock_; }
  const crypto::SecretBuffer& passphrase() const { return *passphrase_; }
  const crypto::PwhashParams& kdf() const { return kdf_; }

  // Intake, one unit of work per call: persons [begin, end) and signals [begin, end) of the
  // layout above. Persons must be added before the signals that name them.
  Status add_persons(std::size_t begin, std::size_t end);
  Status add_signals(std::size_t begin, std::size_t end);
  // Closes the sweep signals (2019-04-01, no suspicion), one unit of work per batch.
  Status close_sweep_signals();
  // Opens the export case over its signals and victims.
  Status open_export_case();
  const std::string& export_case() const { return export_case_; }
  // Person id and index of the general persons (the lookup population).
  const std::string& person_id(std::size_t i) const { return person_ids_.at(i); }
  std::size_t general_persons_begin() const;

  void close() { session_.reset(); }
  Status reopen();

 private:
  World(std::filesystem::path root, const W1Size& size);
  std::filesystem::path root_;
  std::filesystem::path dir_;
  W1Size size_;
  // On the heap: the session keeps pointers to the clock, and World moves.
  std::unique_ptr<FixedClock> clock_;
  std::unique_ptr<crypto::SecretBuffer> passphrase_;
  crypto::PwhashParams kdf_;
  std::optional<service::Session> session_;
  std::vector<std::string> person_ids_;
  std::vector<std::string> signal_ids_;
  std::string export_case_;
};

}  // namespace mk::bench
