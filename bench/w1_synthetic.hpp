// The records of workload W1: synthetic but realistic Dutch data (names, dates, 11-proef BSNs,
// addresses in Rijswijk and Den Haag), made deterministically from a record number so that a
// lookup can rebuild the query for person i without keeping 150,000 identities in memory.
#pragma once

#include <cstddef>
#include <string>

#include "base/date.hpp"
#include "vault/person.hpp"
#include "vault/signal.hpp"

namespace mk::bench {

// Person i: six of the seven identity fields (name, date of birth, nationality, BSN, document
// number, address; no phone), so all three blind indexes apply. Born 1950-2004 (adults on
// 2026-11-29). Distinct i give distinct BSNs and document numbers.
vault::PersonIdentity w1_person(std::size_t i);

// The narrative and nature of signal j: 300-700 and 60-120 characters of plausible Dutch text.
std::string w1_narrative(std::size_t j);
std::string w1_nature(std::size_t j);

// Signal j's codes: one or two forms and two to four indicators from policies/indicators.json.
void w1_codes(std::size_t j, vault::SignalInput& input);

// A received date in 2024-01-01 .. 2026-11-28 for signal j.
Date w1_received(std::size_t j);

}  // namespace mk::bench
