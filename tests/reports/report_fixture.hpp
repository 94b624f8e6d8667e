// What the report tests share: a QGuiApplication on the offscreen platform (Qt draws text only
// inside one), a scratch folder, reporting policies and reading files back.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>

#include "policies/reporting_policy.hpp"
#include "reports/offscreen_gui.hpp"

namespace mk::testing {

// Creates the process's QGuiApplication on first use; it lives until the tests end.
inline void ensure_gui() {
  static const auto* gui = new reports::OffscreenGui();  // never destroyed: Qt tears down at exit
  (void)gui;
}

// A fresh folder under the system's temporary folder, removed with the object.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("meldkluis-reports-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A reporting policy with `threshold` (and a rounding multiple when > 0), as a municipality
// would write it.
inline policies::ReportingPolicy reporting_policy(int threshold, int multiple = 0) {
  std::string text =
      R"({"format": "meldkluis-reporting/1", "suppression": {"threshold": )" +
      std::to_string(threshold) +
      R"(, "reference": "Eigen keuze van de gemeente voor de interne rapportage; IOM CTDC publiceert met k = 11"})";
  if (multiple > 0) {
    text += R"(, "rounding": {"multiple": )" + std::to_string(multiple) +
            R"(, "reference": "Naar beneden afgerond"})";
  }
  text += "}";
  auto p = policies::parse_reporting_policy(text, "reporting.json");
  INFO(p.status().message());
  REQUIRE(p.is_ok());
  return std::move(p).value();
}

}  // namespace mk::testing
