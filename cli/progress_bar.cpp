#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace mk::cli {
namespace {

constexpr std::size_t kWidth = 30;

}  // namespace

ProgressBar::ProgressBar(std::string label, bool wanted)
    : label_(std::move(label)), enabled_(wanted && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total == 0) return;
  if (done > total) done = total;
  std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
  std::string line = "\r" + label_ + " [" + std::string(filled, '#') +
                     std::string(kWidth - filled, '-') + "]  " + std::to_string(done) + "/" +
                     std::to_string(total);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  started_ = true;
}

void ProgressBar::finish() {
  if (!started_) return;
  std::fputs("\n", stderr);
  std::fflush(stderr);
  started_ = false;
}

}  // namespace mk::cli
