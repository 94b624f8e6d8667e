// Which record plays which part in W1 (see w1_world.hpp for the layout), shared by the vault
// build and the SQLCipher/SQLite baselines so both store the same rows.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "vault/person.hpp"
#include "vault/signal.hpp"
#include "w1_world.hpp"

namespace mk::bench {

// The role of person i.
vault::PersonRole w1_role(const W1Size& size, std::size_t i);

// Signal j, naming persons by `person_id(index)`.
vault::SignalInput w1_signal(const W1Size& size, std::size_t j,
                             const std::function<std::string(std::size_t)>& person_id);

// The first person index of the general population (after reporters and export victims).
std::size_t w1_general_persons_begin(const W1Size& size);
// One past the last export signal.
std::size_t w1_export_signals_end(const W1Size& size);

}  // namespace mk::bench
