// export_witness_records (audit_witness.hpp): the witnesses' keys and cosigned checkpoints in an
// audit export, one note per cosigned size carrying every witness's cosignature of it.
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "tlog/note.hpp"
#include "vault/audit_witness.hpp"
#include "vault/file_io.hpp"

namespace mk::vault {
namespace {

bool carries(const tlog::SignedNote& note, const tlog::NoteSignature& sig) {
  return std::any_of(
      note.signatures.begin(), note.signatures.end(), [&](const tlog::NoteSignature& s) {
        return s.name == sig.name && s.key_id == sig.key_id && s.signature == sig.signature;
      });
}

// Appends the signature lines of `other` that `into` does not carry yet. A line copied from a note
// with another body will not verify there: a verifier then sees the tampering.
Status merge_into(tlog::SignedNote& into, const tlog::SignedNote& other) {
  for (const tlog::NoteSignature& sig : other.signatures) {
    if (carries(into, sig)) continue;
    if (into.signatures.size() >= tlog::kMaxNoteSignatures) {
      return conflict("too many witness cosignatures of one checkpoint to export");
    }
    into.signatures.push_back(sig);
  }
  return Status::ok();
}

Status write_witness_keys(Vault& vault, const std::filesystem::path& dir) {
  MK_ASSIGN_OR_RETURN(Statement st,
                      vault.db().prepare("SELECT verifier_key FROM audit_witnesses ORDER BY name"));
  std::string text;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    text += st.column_text(0) + "\n";
  }
  return replace_file_atomically(dir / "witness-keys.txt", text);
}

}  // namespace

Result<std::uint64_t> export_witness_records(Vault& vault, const std::filesystem::path& dir) {
  MK_RETURN_IF_ERROR(write_witness_keys(vault, dir));
  if (::mkdir((dir / "cosigned").c_str(), 0700) != 0) {
    return io_error("cannot create the export's cosigned folder");
  }
  MK_ASSIGN_OR_RETURN(Statement st, vault.db().prepare("SELECT size, note FROM audit_cosigned "
                                                       "ORDER BY size, witness"));
  std::map<std::int64_t, tlog::SignedNote> by_size;
  for (;;) {
    MK_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    const std::int64_t size = st.column_int(0);
    Result<tlog::SignedNote> note = tlog::parse_signed_note(st.column_text(1));
    if (!note) {
      return vault_corrupt("the stored cosigned checkpoint of size " + std::to_string(size) +
                           " is not a signed note");
    }
    auto [it, first] = by_size.try_emplace(size, *note);
    if (!first) MK_RETURN_IF_ERROR(merge_into(it->second, *note));
  }
  for (const auto& [size, note] : by_size) {
    MK_RETURN_IF_ERROR(replace_file_atomically(dir / "cosigned" / (std::to_string(size) + ".txt"),
                                               tlog::format_signed_note(note)));
  }
  return static_cast<std::uint64_t>(by_size.size());
}

}  // namespace mk::vault
