// The measurements of W1. Each adds its rows to `results`; an error in a measurement is returned
// (the caller records it as a Failure and the run exits non-zero). Timing goals never fail a run.
#pragma once

#include "base/result.hpp"
#include "w1_measure.hpp"
#include "w1_world.hpp"

namespace mk::bench {

// Builds the persons and signals of W1 through the vault (the full path) and, when `baselines`,
// writes the same rows to the SQLCipher and SQLite baselines, batch by batch in turn so that all
// three see the same machine. Then closes the sweep signals and opens the export case.
Status measure_intake(World& world, bool baselines, Results& results);

// Fills the audit log up to W1's size in units of 1,000 entries (the append cost), then signs a
// checkpoint and verifies the whole log.
Status measure_audit(World& world, bool verify, Results& results);

// Finds persons by name and date of birth through the blind index (service::find_persons, each
// an audited unit of work; and vault::find_persons inside one open unit), against decrypting
// every person.
Status measure_lookup(World& world, Results& results);

// Sweeps retention as of the run's "today": the 2019 signals and their reporters are due.
Status measure_retention(World& world, Results& results);

// Exports the export case (1,000 records at scale 1) to SHOP for care referral.
Status measure_export(World& world, Results& results);

// Opens the vault (Session::open) with the key derivation measured apart and subtracted.
Status measure_open(World& world, Results& results);

}  // namespace mk::bench
