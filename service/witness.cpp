#include "service/witness.hpp"

#include <chrono>

#include "base/base64.hpp"
#include "crypto/secret_buffer.hpp"
#include "policies/audit_policy.hpp"
#include "service/new_file.hpp"
#include "tlog/note.hpp"
#include "tlog/witness.hpp"
#include "vault/audit_log.hpp"
#include "vault/file_io.hpp"

namespace mk::service {
namespace {

constexpr std::size_t kMaxWitnessFile = 1 << 20;

Result<tlog::WitnessKey> read_witness_key(const std::filesystem::path& key_file) {
  Result<std::string> text = vault::read_small_file(key_file, 64 * 1024);
  if (!text) {
    if (text.status().code() == Code::kNotFound)
      return not_found("the witness key file does not exist");
    return invalid_input("the witness key file cannot be read");
  }
  Result<tlog::WitnessKey> key = tlog::parse_witness_key_file(*text);
  crypto::wipe(text->data(), text->size());
  return key;
}

Result<tlog::WitnessState> read_witness_state(const std::filesystem::path& path) {
  Result<std::string> text = vault::read_small_file(path, kMaxWitnessFile);
  if (!text && text.status().code() == Code::kNotFound) return tlog::WitnessState();
  if (!text) return invalid_input("the witness state file cannot be read");
  return tlog::parse_witness_state(*text);
}

// The checkpoint a note claims, not yet verified: to know which proof to ask for.
Result<tlog::Checkpoint> claimed_checkpoint(std::string_view note_text) {
  Result<tlog::SignedNote> note = tlog::parse_signed_note(note_text);
  if (!note) return invalid_input("the file is not a signed checkpoint note");
  Result<tlog::Checkpoint> cp = tlog::parse_checkpoint_body(note->body);
  if (!cp) return invalid_input("the file is not a signed checkpoint note");
  return cp;
}

std::uint64_t seconds_since_epoch(Instant t) {
  std::int64_t s = t.time_since_epoch().count();
  return s < 0 ? 0 : static_cast<std::uint64_t>(s);
}

}  // namespace

std::filesystem::path witness_state_path(const std::filesystem::path& key_file) {
  std::filesystem::path p = key_file;
  p += ".state";
  return p;
}

Result<std::string> witness_keygen(const std::filesystem::path& out, std::string_view name,
                                   const Clock& clock) {
  if (!tlog::is_valid_key_name(name)) {
    return invalid_input("--name: a witness name may not be empty or hold spaces or '+'");
  }
  crypto::SecretBuffer seed = crypto::SecretBuffer::random(crypto::kSigningSeedSize);
  crypto::SecretBuffer file =
      tlog::format_witness_key_file(name, seed, format_instant(clock.now()));
  MK_RETURN_IF_ERROR(write_new_file(out, file.view()));
  return tlog::format_cosigner_key(
      tlog::make_cosigner_key(name, crypto::SigningKey(seed).public_key()));
}

Result<WitnessCosigning> witness_cosign(Session& s, std::string_view checkpoint_note,
                                        const std::filesystem::path& key_file) {
  MK_ASSIGN_OR_RETURN(tlog::Checkpoint claimed, claimed_checkpoint(checkpoint_note));
  MK_ASSIGN_OR_RETURN(tlog::WitnessKey key, read_witness_key(key_file));
  const std::filesystem::path state_path = witness_state_path(key_file);
  MK_ASSIGN_OR_RETURN(tlog::WitnessState state, read_witness_state(state_path));
  vault::Vault& v = s.vault();
  MK_RETURN_IF_ERROR(vault::check_witness_key(v, key.cosigner_key()));

  WitnessCosigning out;
  std::vector<tlog::Hash> proof;
  if (const tlog::WitnessedLog* last = state.find(claimed.origin)) {
    out.previous_size = last->size;
    if (last->size < claimed.size) {
      // A checkpoint beyond the log gets no proof: the witness then refuses it as inconsistent.
      Result<std::vector<tlog::Hash>> p =
          vault::audit_consistency_proof(v, last->size, claimed.size);
      if (p) proof = std::move(*p);
    }
  }
  MK_ASSIGN_OR_RETURN(tlog::Cosigned cosigned,
                      tlog::cosign_checkpoint(checkpoint_note, vault::audit_verifier_key(v), key,
                                              state, proof, seconds_since_epoch(v.clock().now())));
  // The state first: a witness must never hand out a cosignature it would not remember.
  MK_RETURN_IF_ERROR(
      vault::replace_file_atomically(state_path, tlog::format_witness_state(cosigned.state)));
  const tlog::CosignerKey cosigner = key.cosigner_key();
  MK_RETURN_IF_ERROR(s.transact("audit.witness", [&](vault::UnitOfWork& uow) -> Status {
    MK_ASSIGN_OR_RETURN(std::uint64_t size, vault::store_cosigned_checkpoint(
                                                uow.vault(), cosigner, cosigned.note, uow.now()));
    uow.record({"audit.witness", "", "size=" + std::to_string(size)});
    return Status::ok();
  }));
  out.note = std::move(cosigned.note);
  out.checkpoint = std::move(cosigned.checkpoint);
  out.witness_key = tlog::format_cosigner_key(cosigner);
  return out;
}

Result<WitnessStateCheck> check_witness_state(Session& s, std::string_view state_text) {
  MK_ASSIGN_OR_RETURN(tlog::WitnessState state, tlog::parse_witness_state(state_text));
  vault::Vault& v = s.vault();
  const tlog::WitnessedLog* log = state.find(vault::audit_log_name(v));
  if (log == nullptr) {
    return not_found("the witness state file holds nothing for this vault's audit log (" +
                     vault::audit_log_name(v) + ")");
  }
  WitnessStateCheck check;
  check.witnessed_size = log->size;
  check.witnessed_root = log->root;
  MK_ASSIGN_OR_RETURN(check.entries, vault::audit_size(v));
  const std::string witnessed = "the witness cosigned " + std::to_string(log->size) +
                                " entries with root " + base64_encode(log->root) + "; ";
  if (log->log_key != tlog::format_verifier_key(vault::audit_verifier_key(v))) {
    check.problem = witnessed + "it knows this log by another key than this vault's audit key";
    return check;
  }
  if (check.entries < log->size) {
    check.problem = witnessed + "this vault holds only " + std::to_string(check.entries) +
                    ": an older copy of the vault folder was put back, or its log was cut";
    return check;
  }
  MK_ASSIGN_OR_RETURN(tlog::Hash root, vault::audit_root_at(v, log->size));
  if (root != log->root) {
    check.problem = witnessed + "the first " + std::to_string(log->size) +
                    " entries of this vault have another root: its log was rewritten";
    return check;
  }
  check.ok = true;
  return check;
}

Result<WitnessReport> audit_witness_report(Session& s) {
  MK_ASSIGN_OR_RETURN(policies::AuditPolicy policy,
                      policies::load_audit_policy((s.policies().dir / "audit.json").string()));
  WitnessReport report;
  report.max_unwitnessed_days = policy.max_unwitnessed_days();
  MK_ASSIGN_OR_RETURN(report.verification, vault::verify_witness_cosignatures(s.vault()));
  MK_ASSIGN_OR_RETURN(report.entries, vault::audit_size(s.vault()));
  if (report.verification.oldest_unwitnessed) {
    auto age = s.vault().clock().now() - *report.verification.oldest_unwitnessed;
    std::int64_t days = std::chrono::duration_cast<std::chrono::days>(age).count();
    report.unwitnessed_days = days;
    report.overdue = age > std::chrono::days(report.max_unwitnessed_days);
  }
  return report;
}

}  // namespace mk::service
