// The controller file (policies/controller.json): what the register of processing activities
// (AVG art. 30) needs and the software cannot know: who the controller is, how to reach them and
// their data protection officer (FG), and the processing activity's name, description and core
// purpose with its legal basis. Nothing here is enforced anywhere: partners, purposes, legal bases
// of disclosures, fields and retention are in sharing.json and retention.json, which the register
// reads directly. See docs/policies/controller.md.
//
// This file knows nothing of the vault or of the register: it only reads and holds the texts.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kControllerPolicyFormat = "meldkluis-controller/1";

struct ControllerParty {
  std::string name;        // "Gemeente Voorbeeldstad"
  std::string address;     // postal address
  std::string contact;     // how to reach them: a mailbox, a phone number
  bool confirmed = false;  // false while the shipped placeholder has not been checked
};

struct DataProtectionOfficer {
  std::string name;  // a function or a person's professional name
  std::string contact;
  bool confirmed = false;
};

struct ProcessingActivity {
  std::string name_nl;  // "Centraal meldpunt mensenhandel"
  std::string name_en;
  std::string description_nl;
  std::string description_en;
  // The purpose every other purpose serves: registering and coordinating signals.
  std::string core_purpose_nl;
  std::string core_purpose_en;
  std::string legal_basis;            // of the core purpose
  std::string legal_basis_reference;  // where it is written down
  std::string third_countries;        // AVG art. 30(1)(e): transfers outside the EEA
};

class ControllerPolicy {
 public:
  const ControllerParty& controller() const { return controller_; }
  const DataProtectionOfficer& dpo() const { return dpo_; }
  const ProcessingActivity& activity() const { return activity_; }
  // SHA-256 of the file's exact bytes, lowercase hex.
  const std::string& hash() const { return hash_; }
  const std::string& file() const { return file_; }  // the name given to the parser

 private:
  friend Result<ControllerPolicy> parse_controller_policy(std::string_view, std::string_view);
  std::string file_;
  std::string hash_;
  ControllerParty controller_;
  DataProtectionOfficer dpo_;
  ProcessingActivity activity_;
};

// Parses and validates, strictly (strict_reader.hpp): kPolicyInvalid "FILE:LINE:COL: reason",
// FILE being `file_name`, for JSON syntax errors, unknown keys, a missing key or object, a wrong
// "format" (must be "meldkluis-controller/1"), a "confirmed" that is not true or false, and texts
// that are not text (empty, surrounding white space, control characters).
Result<ControllerPolicy> parse_controller_policy(std::string_view text, std::string_view file_name);

// Reads the file at `path` (named in messages as given) and parses it as above. Errors: kNotFound,
// kIo (see read_policy_file) and kPolicyInvalid.
Result<ControllerPolicy> load_controller_policy(const std::string& path);

}  // namespace mk::policies
