#include "cli/output.hpp"

#include <algorithm>
#include <cstdio>

namespace mk::cli {
namespace {

std::size_t display_width(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void put(std::FILE* out, std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), out);
}

void pad(std::FILE* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    std::fputc(' ', out);
}

}  // namespace

void print_json(const json::Value& value) {
  put(stdout, json::serialize(value, true));
}

void notice(std::string_view message) {
  put(stderr, message);
  put(stderr, "\n");
}

void print_error(const Exit& exit) {
  put(stderr, "meldkluis: ");
  put(stderr, exit.message().empty() ? "failed" : exit.message());
  put(stderr, "\n");
  if (!exit.hint().empty()) {
    put(stderr, "  (");
    put(stderr, exit.hint());
    put(stderr, ")\n");
  }
}

void Table::print() const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c)
    widths[c] = display_width(headers_[c]);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
      std::string_view cell = c < row.size() ? std::string_view(row[c]) : std::string_view();
      put(stdout, cell);
      if (c + 1 < widths.size()) pad(stdout, widths[c] - display_width(cell) + 2);
    }
    put(stdout, "\n");
  };
  print_row(headers_);
  for (const auto& row : rows_)
    print_row(row);
}

void print_fields(const Fields& fields) {
  std::size_t width = 0;
  for (const auto& [label, value] : fields)
    width = std::max(width, display_width(label));
  for (const auto& [label, value] : fields) {
    put(stdout, label);
    pad(stdout, width - display_width(label) + 2);
    std::string_view rest = value;
    for (bool first = true;; first = false) {
      std::size_t nl = rest.find('\n');
      if (!first) pad(stdout, width + 2);
      put(stdout, rest.substr(0, nl));
      put(stdout, "\n");
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }
}

void print_text_block(std::string_view title, std::string_view text) {
  put(stdout, title);
  put(stdout, ":\n");
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    put(stdout, "  ");
    put(stdout, text.substr(0, nl));
    put(stdout, "\n");
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "-" : s;
}

}  // namespace mk::cli
