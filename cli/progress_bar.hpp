// A progress bar for long work (a retention sweep): drawn on stderr, rewritten in place, and only
// when stderr is a terminal and the command is not printing JSON. Otherwise it draws nothing, so
// scripts and logs see only the final result.
#pragma once

#include <cstddef>
#include <string>

namespace mk::cli {

class ProgressBar {
 public:
  // `label` ("Vernietigen / Shredding") precedes the bar. `wanted` is false for --json output.
  ProgressBar(std::string label, bool wanted);
  ~ProgressBar();  // finish()
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  bool drawn() const { return enabled_; }

  // "Label [##########----------]  3/10", on one line.
  void update(std::size_t done, std::size_t total);
  // Ends the line once, if anything was drawn.
  void finish();

 private:
  std::string label_;
  bool enabled_ = false;
  bool started_ = false;
};

}  // namespace mk::cli
