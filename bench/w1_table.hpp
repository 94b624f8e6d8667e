// Prints the W1 results as one plain-text table, then the notes and failures.
#pragma once

#include <cstdio>

#include "w1_measure.hpp"

namespace mk::bench {

void print_table(std::FILE* out, const Results& results, double scale);

}  // namespace mk::bench
