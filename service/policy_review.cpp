#include "service/policy_review.hpp"

#include <algorithm>
#include <optional>
#include <system_error>

#include "policies/indicator_catalogue.hpp"
#include "policies/meldcode_policy.hpp"
#include "policies/normtimes_policy.hpp"
#include "policies/policy_file.hpp"
#include "policies/reporting_policy.hpp"
#include "policies/routing_policy.hpp"
#include "service/import_mapping.hpp"
#include "service/policy_diff_parts.hpp"
#include "service/session.hpp"
#include "vault/policy_versions.hpp"

namespace mk::service {
namespace {

namespace fs = std::filesystem;

struct KindName {
  PolicyKind kind;
  std::string_view format;  // the "format" value without its version
  std::string_view file;
};
constexpr KindName kKinds[] = {
    {PolicyKind::kIndicators, "meldkluis-indicators", "indicators.json"},
    {PolicyKind::kRetention, "meldkluis-retention", "retention.json"},
    {PolicyKind::kSharing, "meldkluis-sharing", "sharing.json"},
    {PolicyKind::kRouting, "meldkluis-routing", "routing.json"},
    {PolicyKind::kNormTimes, "meldkluis-normtimes", "normtimes.json"},
    {PolicyKind::kReporting, "meldkluis-reporting", "reporting.json"},
    {PolicyKind::kMeldcode, "meldkluis-meldcode", "meldcode.json"},
    {PolicyKind::kCsvImport, "meldkluis-csv-import", "csv_import_nl.json"},
    {PolicyKind::kAudit, "meldkluis-audit", "audit.json"},
    {PolicyKind::kController, "meldkluis-controller", "controller.json"},
};

const PolicyText* find_kind(const PolicyTexts& texts, PolicyKind kind) {
  for (const auto& [file, text] : texts) {
    if (policy_kind(file, text.text) == kind) return &text;
  }
  return nullptr;
}

std::optional<policies::IndicatorCatalogue> context_catalogue(const PolicyTexts& texts) {
  const PolicyText* t = find_kind(texts, PolicyKind::kIndicators);
  if (!t) return std::nullopt;
  Result<policies::IndicatorCatalogue> c =
      policies::parse_indicator_catalogue(t->text, t->name_for_errors);
  if (!c) return std::nullopt;
  return std::move(*c);
}

Status check_routing(const PolicyText& t, const PolicyTexts& texts) {
  const PolicyText* sharing_text = find_kind(texts, PolicyKind::kSharing);
  std::optional<policies::IndicatorCatalogue> catalogue = context_catalogue(texts);
  if (!sharing_text || !catalogue) {
    return policies::parse_policy_json(t.text, t.name_for_errors).status();
  }
  Result<policies::SharingPolicy> sharing =
      policies::parse_sharing_policy(sharing_text->text, sharing_text->name_for_errors);
  if (!sharing) return policies::parse_policy_json(t.text, t.name_for_errors).status();
  std::vector<std::string> forms, indicators;
  for (const policies::TraffickingForm& f : catalogue->forms())
    forms.push_back(f.code);
  for (const policies::Indicator& i : catalogue->indicators())
    indicators.push_back(i.code);
  return policies::parse_routing_policy(t.text, t.name_for_errors, sharing->targets(), forms,
                                        indicators)
      .status();
}

Status check_csv_import(const PolicyText& t, const PolicyTexts& texts) {
  std::optional<policies::IndicatorCatalogue> catalogue = context_catalogue(texts);
  if (!catalogue) return policies::parse_policy_json(t.text, t.name_for_errors).status();
  return parse_import_mapping(t.text, t.name_for_errors, *catalogue).status();
}

// The file's JSON; only called after check_policy_text accepted it.
Result<json::Value> tree_of(const PolicyText& t) {
  return policies::parse_policy_json(t.text, t.name_for_errors);
}

// The loaders keep no "note": it is compared from the JSON.
Status diff_note_of(const PolicyText& before, const PolicyText& after, const std::string& file,
                    policy_diff::Changes& out) {
  MK_ASSIGN_OR_RETURN(json::Value a, tree_of(before));
  MK_ASSIGN_OR_RETURN(json::Value b, tree_of(after));
  policy_diff::diff_note(a, b, file, out);
  return Status::ok();
}

Status diff_file(const std::string& file, const PolicyText& before, const PolicyText& after,
                 policy_diff::Changes& out) {
  const PolicyKind kind = policy_kind(file, after.text);
  if (kind == PolicyKind::kSharing && policy_kind(file, before.text) == kind) {
    MK_ASSIGN_OR_RETURN(policies::SharingPolicy a,
                        policies::parse_sharing_policy(before.text, before.name_for_errors));
    MK_ASSIGN_OR_RETURN(policies::SharingPolicy b,
                        policies::parse_sharing_policy(after.text, after.name_for_errors));
    policy_diff::diff_sharing(a, b, file, out);
    return Status::ok();
  }
  if (kind == PolicyKind::kRetention && policy_kind(file, before.text) == kind) {
    MK_ASSIGN_OR_RETURN(policies::RetentionPolicy a,
                        policies::parse_retention_policy(before.text, before.name_for_errors));
    MK_ASSIGN_OR_RETURN(policies::RetentionPolicy b,
                        policies::parse_retention_policy(after.text, after.name_for_errors));
    policy_diff::diff_retention(a, b, file, out);
    return Status::ok();
  }
  if (kind == PolicyKind::kAudit && policy_kind(file, before.text) == kind) {
    MK_ASSIGN_OR_RETURN(policies::AuditPolicy a,
                        policies::parse_audit_policy(before.text, before.name_for_errors));
    MK_ASSIGN_OR_RETURN(policies::AuditPolicy b,
                        policies::parse_audit_policy(after.text, after.name_for_errors));
    policy_diff::diff_audit(a, b, file, out);
    return diff_note_of(before, after, file, out);
  }
  if (kind == PolicyKind::kController && policy_kind(file, before.text) == kind) {
    MK_ASSIGN_OR_RETURN(policies::ControllerPolicy a,
                        policies::parse_controller_policy(before.text, before.name_for_errors));
    MK_ASSIGN_OR_RETURN(policies::ControllerPolicy b,
                        policies::parse_controller_policy(after.text, after.name_for_errors));
    policy_diff::diff_controller(a, b, file, out);
    return diff_note_of(before, after, file, out);
  }
  MK_ASSIGN_OR_RETURN(json::Value a, tree_of(before));
  MK_ASSIGN_OR_RETURN(json::Value b, tree_of(after));
  policy_diff::diff_json(a, b, file, out);
  return Status::ok();
}

}  // namespace

Result<PolicyTexts> read_policy_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return not_found(dir.string() + ": no such policy folder");
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() != ".json") continue;
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    files.push_back(p);
  }
  if (ec) return io_error(dir.string() + ": cannot list: " + ec.message());
  PolicyTexts texts;
  for (const fs::path& p : files) {
    MK_ASSIGN_OR_RETURN(std::string text, policies::read_policy_file(p.string()));
    texts[p.filename().string()] = PolicyText{std::move(text), p.string()};
  }
  return texts;
}

Result<PolicyPair> read_policy_pair(const fs::path& before, const fs::path& after) {
  std::error_code ec;
  for (const fs::path* p : {&before, &after}) {
    if (!fs::exists(*p, ec)) return not_found(p->string() + ": no such policy file or folder");
  }
  const bool before_dir = fs::is_directory(before, ec);
  const bool after_dir = fs::is_directory(after, ec);
  if (before_dir && after_dir) {
    MK_ASSIGN_OR_RETURN(PolicyTexts a, read_policy_folder(before));
    MK_ASSIGN_OR_RETURN(PolicyTexts b, read_policy_folder(after));
    return PolicyPair{std::move(a), std::move(b)};
  }
  if (before_dir || after_dir) {
    return invalid_input("compare two policy folders or two policy files, not a folder and a file");
  }
  MK_ASSIGN_OR_RETURN(std::string a, policies::read_policy_file(before.string()));
  MK_ASSIGN_OR_RETURN(std::string b, policies::read_policy_file(after.string()));
  const PolicyKind kind_a = policy_kind(before.filename().string(), a);
  const PolicyKind kind_b = policy_kind(after.filename().string(), b);
  if (kind_a != kind_b) {
    return invalid_input(before.string() + " and " + after.string() +
                         " are different kinds of policy file (see their \"format\")");
  }
  std::string key(policy_file_name(kind_b));
  if (key.empty()) key = after.filename().string();
  PolicyPair pair;
  pair.before[key] = PolicyText{std::move(a), before.string()};
  pair.after[key] = PolicyText{std::move(b), after.string()};
  return pair;
}

PolicyKind policy_kind(std::string_view file_name, std::string_view text) {
  Result<json::Value> tree = json::parse(text);
  if (tree) {
    if (const json::Value* format = tree->find("format"); format && format->is_string()) {
      std::string_view f = format->as_string();
      f = f.substr(0, f.find('/'));
      for (const KindName& k : kKinds) {
        if (k.format == f) return k.kind;
      }
      return PolicyKind::kOther;
    }
  }
  for (const KindName& k : kKinds) {
    if (k.file == file_name) return k.kind;
  }
  return PolicyKind::kOther;
}

std::string_view policy_file_name(PolicyKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.file;
  }
  return "";
}

Status check_policy_text(const std::string& file, const PolicyTexts& texts) {
  auto it = texts.find(file);
  if (it == texts.end()) return not_found(file + ": no such policy file");
  const PolicyText& t = it->second;
  switch (policy_kind(file, t.text)) {
    case PolicyKind::kIndicators:
      return policies::parse_indicator_catalogue(t.text, t.name_for_errors).status();
    case PolicyKind::kRetention:
      return policies::parse_retention_policy(t.text, t.name_for_errors).status();
    case PolicyKind::kSharing:
      return policies::parse_sharing_policy(t.text, t.name_for_errors).status();
    case PolicyKind::kRouting:
      return check_routing(t, texts);
    case PolicyKind::kNormTimes:
      return policies::parse_normtimes_policy(t.text, t.name_for_errors).status();
    case PolicyKind::kReporting:
      return policies::parse_reporting_policy(t.text, t.name_for_errors).status();
    case PolicyKind::kMeldcode:
      return policies::parse_meldcode_policy(t.text, t.name_for_errors).status();
    case PolicyKind::kCsvImport:
      return check_csv_import(t, texts);
    case PolicyKind::kAudit:
      return policies::parse_audit_policy(t.text, t.name_for_errors).status();
    case PolicyKind::kController:
      return policies::parse_controller_policy(t.text, t.name_for_errors).status();
    case PolicyKind::kOther:
      break;
  }
  return policies::parse_policy_json(t.text, t.name_for_errors).status();
}

Result<std::vector<PolicyChange>> diff_policies(const PolicyTexts& before,
                                                const PolicyTexts& after) {
  for (const PolicyTexts* side : {&before, &after}) {
    for (const auto& [file, text] : *side) {
      MK_RETURN_IF_ERROR(check_policy_text(file, *side));
    }
  }
  policy_diff::Changes out;
  for (const auto& [file, text] : before) {
    if (!after.count(file)) {
      policy_diff::say(out, file, "bestand verwijderd: de regels erin gelden niet meer",
                       "file removed: its rules no longer apply");
    }
  }
  for (const auto& [file, text] : after) {
    auto old = before.find(file);
    if (old == before.end()) {
      policy_diff::say(out, file, "bestand toegevoegd", "file added");
      // What the new file allows, as changes from an empty file of its kind where that says more.
      continue;
    }
    if (old->second.text == text.text) continue;
    MK_RETURN_IF_ERROR(diff_file(file, old->second, text, out));
  }
  return out;
}

Result<std::vector<PolicyHistoryEntry>> policy_history(Session& s) {
  MK_ASSIGN_OR_RETURN(std::vector<vault::PolicyVersion> versions,
                      s.transact("policy.history", [](vault::UnitOfWork& uow) {
                        return vault::list_policy_versions(uow.db());
                      }));
  std::vector<PolicyHistoryEntry> out;
  PolicyTexts folder;
  std::map<std::string, std::string> hashes;
  for (vault::PolicyVersion& v : versions) {
    PolicyHistoryEntry e;
    e.time = v.first_seen;
    e.file = v.file;
    e.old_hash = hashes.count(v.file) ? hashes[v.file] : "";
    e.new_hash = v.sha256;
    e.actor = v.actor;
    e.origin = v.origin;
    e.before = folder;
    if (v.removed()) {
      folder.erase(v.file);
    } else {
      folder[v.file] = PolicyText{v.text, v.file};
    }
    hashes[v.file] = v.sha256;
    e.after = folder;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace mk::service
