#include "vault/unlock_failures.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <charconv>

#include "vault/audit_log.hpp"
#include "vault/file_io.hpp"
#include "vault/keyslot_file.hpp"

namespace mk::vault {
namespace {

constexpr char kMetaRead[] = "unlock_failures_read";
constexpr std::size_t kMaxFileSize = 4 * 1024 * 1024;

bool valid_origin(std::string_view origin) {
  if (origin.empty() || origin.size() > 128) return false;
  for (char c : origin) {
    if (c <= ' ' || c == 0x7f) return false;
  }
  return true;
}

Result<std::uint64_t> read_offset(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("SELECT value FROM meta WHERE key = ?1"));
  st.bind(1, kMetaRead);
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::uint64_t{0};
  std::string text = st.column_text(0);
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return vault_corrupt("the unlock-failure read position is unreadable");
  }
  return value;
}

}  // namespace

Status record_failed_unlock(const std::filesystem::path& vault_dir, Instant when,
                            const std::string& slot, const std::string& origin) {
  std::string line = format_instant(when) + " " + (slot.empty() ? "*" : slot) + " " +
                     (valid_origin(origin) ? origin : "unknown") + "\n";
  if (!slot.empty() && !valid_slot_name(slot)) return invalid_input("invalid slot name");
  std::filesystem::path path = vault_dir / kUnlockFailuresFile;
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return io_error("cannot record the failed unlock");
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  return ok ? Status::ok() : io_error("cannot record the failed unlock");
}

Result<std::size_t> ingest_failed_unlocks(UnitOfWork& uow) {
  Vault& vault = uow.vault();
  Result<std::string> file = read_small_file(vault.paths().dir / kUnlockFailuresFile, kMaxFileSize);
  if (!file && file.status().code() == Code::kNotFound) file = std::string();
  if (!file) return file.status();
  MK_ASSIGN_OR_RETURN(std::uint64_t offset, read_offset(uow.db()));

  auto entry = [&](Instant when, std::string actor, std::string origin, std::string result,
                   std::string detail) {
    return AuditEntry{0,
                      when,
                      std::move(actor),
                      "-",
                      "vault.unlock_failed",
                      "",
                      std::move(result),
                      std::move(origin),
                      "",
                      std::move(detail)};
  };
  std::size_t ingested = 0;
  bool truncated = file->size() < offset;
  if (truncated) {
    MK_RETURN_IF_ERROR(append_audit_entry(
        uow, entry(uow.now(), "*", "-", "file_truncated",
                   "the unlock-failures file is shorter than what was read before")));
    offset = 0;
    ++ingested;
  }
  std::string_view rest = std::string_view(*file).substr(offset);
  std::size_t consumed = 0;
  for (;;) {
    std::size_t end = rest.find('\n', consumed);
    if (end == std::string_view::npos) break;  // an unfinished last line waits for the next time
    std::string_view line = rest.substr(consumed, end - consumed);
    consumed = end + 1;
    std::size_t a = line.find(' ');
    std::size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
    Instant when{};
    std::string slot, origin;
    bool well_formed = b != std::string_view::npos &&
                       parse_instant(std::string(line.substr(0, a)), when) &&
                       line.find(' ', b + 1) == std::string_view::npos;
    if (well_formed) {
      slot = std::string(line.substr(a + 1, b - a - 1));
      origin = std::string(line.substr(b + 1));
      well_formed = (slot == "*" || valid_slot_name(slot)) && valid_origin(origin);
    }
    if (well_formed) {
      MK_RETURN_IF_ERROR(
          append_audit_entry(uow, entry(when, slot, origin, "wrong_passphrase", "")));
    } else {
      MK_RETURN_IF_ERROR(append_audit_entry(
          uow, entry(uow.now(), "*", "-", "malformed_record", "an unreadable line was skipped")));
    }
    ++ingested;
  }
  if (consumed > 0 || truncated) {
    MK_ASSIGN_OR_RETURN(
        Statement st, uow.db().prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"));
    st.bind(1, kMetaRead).bind(2, std::to_string(offset + consumed));
    MK_RETURN_IF_ERROR(st.run());
  }
  return ingested;
}

}  // namespace mk::vault
