// Policy review: what changed between two versions of the policy folder, in words a privacy
// officer checks ("shop may now receive field 'date_of_birth' of victims (generalised) for purpose
// 'care_referral' on basis '...'"), and the history of the policy versions a vault has run under.
//
// Changes are computed from the parsed policies, never from a text diff: reformatting a file is
// no change, and every file is validated by its own loader first, so an invalid file is the
// loader's kPolicyInvalid "FILE:LINE:COL: reason". Sharing and retention are compared rule by rule
// and field by field, the audit policy and the controller file setting by setting, with old and
// new values; the other files (routing, norm times, reporting, meldcode, indicators, the CSV import
// mapping, and any other *.json of the folder) member by member of their JSON, with list items
// matched by their "id", "code", "kind" or "field". See docs/policy-review.md.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"

namespace mk::service {

class Session;

// One policy file's text and the name its errors carry (the path as the user gave it).
struct PolicyText {
  std::string text;
  std::string name_for_errors;
};
// A policy folder's files by file name ("sharing.json").
using PolicyTexts = std::map<std::string, PolicyText>;

// Every regular file named *.json directly in `dir`, by name. kNotFound when `dir` is not a
// folder; read errors as policies::read_policy_file gives them (a file over 1 MiB is refused).
Result<PolicyTexts> read_policy_folder(const std::filesystem::path& dir);

// What `policy diff OLD NEW` compares: two folders (each read as read_policy_folder does), or two
// files of one kind (policy_kind), each keyed by its kind's file name (NEW's name for kOther), so
// that a draft "sharing-2027.json" compares with "sharing.json". kInvalidInput for a folder and a
// file, or files of different kinds; kNotFound when either does not exist.
struct PolicyPair {
  PolicyTexts before;
  PolicyTexts after;
};
Result<PolicyPair> read_policy_pair(const std::filesystem::path& before,
                                    const std::filesystem::path& after);

// The kinds of policy file Meldkluis reads; kOther for any other JSON file of the folder.
enum class PolicyKind {
  kIndicators,
  kRetention,
  kSharing,
  kRouting,
  kNormTimes,
  kReporting,
  kMeldcode,
  kCsvImport,
  kAudit,
  kController,
  kOther
};
// The kind a file's "format" member names ("meldkluis-sharing/1" -> kSharing); without one, the
// kind its file name names ("sharing.json"); else kOther.
PolicyKind policy_kind(std::string_view file_name, std::string_view text);
// The file name Meldkluis reads a kind from ("sharing.json"); "" for kOther.
std::string_view policy_file_name(PolicyKind kind);

// Validates `file` of `texts` with its kind's loader. Routing rules and CSV mappings name codes of
// the folder's other files: they are checked against texts' sharing.json and indicators.json when
// those are present and valid, and as JSON only otherwise. kOther files must be valid JSON.
Status check_policy_text(const std::string& file, const PolicyTexts& texts);

// One change, in Dutch and in English. `file` is the policy file's name.
struct PolicyChange {
  std::string file;
  std::string nl;
  std::string en;
};

// What changed from `before` to `after`, file by file (files in name order; a file only on one side
// is "added" or "removed"). Empty when nothing changed in substance. Both sides are validated first
// (check_policy_text); the first invalid file is the error.
Result<std::vector<PolicyChange>> diff_policies(const PolicyTexts& before,
                                                const PolicyTexts& after);

// One recorded policy change of a vault (vault/policy_versions.hpp), oldest first.
struct PolicyHistoryEntry {
  Instant time{};
  std::string file;
  std::string old_hash;  // "" when the file was new
  std::string new_hash;  // "" when the file was removed
  std::string actor;     // slot name
  std::string origin;
  // The whole folder as the vault knew it just before and just after this change: what
  // diff_policies needs to say the change in words.
  PolicyTexts before;
  PolicyTexts after;
};

// The vault's policy history. Policy texts hold no personal data: every role may read it.
Result<std::vector<PolicyHistoryEntry>> policy_history(Session& s);

}  // namespace mk::service
