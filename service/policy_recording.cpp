#include "service/policy_recording.hpp"

#include <map>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "vault/policy_versions.hpp"

namespace mk::service {
namespace {

std::string or_dash(const std::string& hash) {
  return hash.empty() ? "-" : hash;
}

void record_event(vault::UnitOfWork& uow, PolicyRecording how, const std::string& file,
                  const std::string& old_hash, const std::string& new_hash) {
  uow.record({how == PolicyRecording::kAdopt ? "policy.adopt" : "policy.change", file,
              "old=" + or_dash(old_hash) + " new=" + or_dash(new_hash)});
}

}  // namespace

Status record_policy_changes(vault::UnitOfWork& uow, const PolicyTexts& folder, PolicyRecording how,
                             const std::string& origin) {
  MK_ASSIGN_OR_RETURN(auto recorded, vault::latest_policy_hashes(uow.db()));
  for (const auto& [file, text] : folder) {
    std::string hash = to_hex(crypto::sha256(as_bytes(text.text)));
    auto it = recorded.find(file);
    std::string old_hash = it == recorded.end() ? "" : it->second;
    if (old_hash == hash) continue;
    if (!check_policy_text(file, folder).is_ok()) continue;  // not in force: every use refuses it
    MK_RETURN_IF_ERROR(vault::record_policy_version(uow, file, hash, text.text, origin));
    record_event(uow, how, file, old_hash, hash);
  }
  for (const auto& [file, hash] : recorded) {
    if (hash.empty() || folder.count(file)) continue;
    MK_RETURN_IF_ERROR(vault::record_policy_version(uow, file, "", "", origin));
    record_event(uow, PolicyRecording::kChange, file, hash, "");
  }
  return Status::ok();
}

}  // namespace mk::service
