#include "service/audit.hpp"

#include <system_error>

#include "tlog/checkpoint.hpp"
#include "tlog/note.hpp"

namespace mk::service {
namespace {

// A checkpoint note's shape, without its signature: a file that is no checkpoint at all is the
// user's mistake (invalid input), not evidence about the vault.
Status check_note_shape(const std::string& text, std::string_view what) {
  Result<tlog::SignedNote> note = tlog::parse_signed_note(text);
  if (!note || !tlog::parse_checkpoint_body(note->body)) {
    return invalid_input("the " + std::string(what) + " is not a signed checkpoint note");
  }
  return Status::ok();
}

std::uint64_t count_files(const std::filesystem::path& dir) {
  std::error_code ec;
  std::uint64_t n = 0;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    ++n;
  }
  return n;
}

}  // namespace

Result<std::vector<vault::AuditEntry>> list_audit_entries(Session& s,
                                                          const vault::AuditQuery& query) {
  return s.transact("audit.log", [&](vault::UnitOfWork& uow) {
    return vault::read_audit_entries(uow.vault(), query);
  });
}

Result<vault::AuditVerification> verify_audit(Session& s,
                                              const std::optional<std::string>& kept_checkpoint,
                                              const AuditProgress& progress) {
  if (kept_checkpoint) MK_RETURN_IF_ERROR(check_note_shape(*kept_checkpoint, "kept checkpoint"));
  return s.transact("audit.verify", [&](vault::UnitOfWork& uow) {
    return vault::verify_audit_log(uow.vault(), kept_checkpoint, progress);
  });
}

Result<SignedCheckpoint> audit_checkpoint(Session& s) {
  MK_ASSIGN_OR_RETURN(std::string note, s.checkpoint());
  MK_ASSIGN_OR_RETURN(tlog::Checkpoint checkpoint,
                      tlog::open_checkpoint(note, vault::audit_verifier_key(s.vault())));
  return SignedCheckpoint{std::move(note), std::move(checkpoint)};
}

Result<std::optional<SignedCheckpoint>> latest_audit_checkpoint(Session& s) {
  Result<std::string> note = vault::latest_checkpoint(s.vault());
  if (!note && note.status().code() == Code::kNotFound) {
    return std::optional<SignedCheckpoint>();
  }
  if (!note) return note.status();
  MK_ASSIGN_OR_RETURN(tlog::Checkpoint checkpoint,
                      tlog::open_checkpoint(*note, vault::audit_verifier_key(s.vault())));
  return std::optional<SignedCheckpoint>(SignedCheckpoint{std::move(*note), std::move(checkpoint)});
}

Result<vault::InclusionProof> prove_audit_entry(Session& s, std::uint64_t seq,
                                                const std::optional<std::string>& checkpoint) {
  if (checkpoint) MK_RETURN_IF_ERROR(check_note_shape(*checkpoint, "checkpoint"));
  return s.transact("audit.prove", [&](vault::UnitOfWork& uow) {
    return vault::prove_audit_entry(uow.vault(), seq, checkpoint);
  });
}

Result<AuditExportSummary> export_audit(Session& s, const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) return conflict("the export folder already exists");
  std::filesystem::path parent = dir.has_parent_path() ? dir.parent_path() : ".";
  if (!std::filesystem::is_directory(parent, ec)) {
    return not_found("the folder to export into does not exist");
  }
  MK_ASSIGN_OR_RETURN(SignedCheckpoint latest, audit_checkpoint(s));
  AuditExportSummary summary;
  summary.latest_checkpoint_size = latest.checkpoint.size;
  Status done = s.transact("audit.export", [&](vault::UnitOfWork& uow) -> Status {
    MK_ASSIGN_OR_RETURN(summary.entries, vault::audit_size(uow.vault()));
    MK_RETURN_IF_ERROR(vault::export_audit_log(uow.vault(), dir));
    // Recorded after the export was read, so it appears in the next one.
    uow.record({"audit.export", "",
                "entries=" + std::to_string(summary.entries) +
                    " checkpoint=" + std::to_string(summary.latest_checkpoint_size)});
    return Status::ok();
  });
  if (!done.is_ok()) {
    if (done.code() != Code::kConflict) std::filesystem::remove_all(dir, ec);
    return done;
  }
  summary.checkpoints = count_files(dir / "checkpoints");
  summary.cosigned = count_files(dir / "cosigned");
  return summary;
}

}  // namespace mk::service
