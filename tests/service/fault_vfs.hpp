// FaultVfs: an SQLite VFS shim over the default "unix" VFS that fails chosen I/O calls, so tests
// can give the vault a full disk, a failing write, a failing fsync, an unreadable page or a folder
// where no journal can be made, at any chosen point of an operation.
//
//   FaultVfs vfs;                             // registered as the default VFS until destroyed
//   ... open the vault (its connection now goes through the shim) ...
//   vfs.arm(FaultKind::kDiskFull, 7);         // the 7th write from now on, and every later one
//   Status s = do_the_operation();
//   vfs.disarm();
//   if (vfs.fired()) ... s must be an error, the vault intact ...
//
// Syncs are counted but never reach the disk (a passing xSync returns at once): the tests inject
// errors, not power loss, and thousands of runs stay fast. Crash safety is tests/vault/crash_test.
//
// Counting covers every file SQLite opens through the VFS: the main database, its rollback
// journal and any temporary file. Only one FaultVfs may exist at a time (it is process-wide, like
// the VFS registry); tests using it must not run threads that open databases.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3_vfs;

namespace mk::testing {

enum class FaultKind {
  kDiskFull,    // the Nth xWrite and every later one return SQLITE_FULL
  kWriteError,  // the Nth xWrite returns SQLITE_IOERR_WRITE; later writes succeed
  kSyncError,   // the Nth xSync returns SQLITE_IOERR_FSYNC
  kReadError,   // the Nth xRead returns SQLITE_IOERR_READ
  kShortRead,   // the Nth xRead returns half the bytes asked, zero-filled (SQLITE_IOERR_SHORT_READ)
  kCantOpen,    // the Nth xOpen of a file that does not exist yet returns SQLITE_CANTOPEN
};

std::string_view fault_kind_name(FaultKind kind);

// How many calls of each kind went through the shim since the last arm() (or reset_counts()).
struct IoCounts {
  std::uint64_t writes = 0;
  std::uint64_t syncs = 0;
  std::uint64_t reads = 0;
  std::uint64_t new_file_opens = 0;
};

class FaultVfs {
 public:
  // Registers the shim as the default VFS. Requires that no other FaultVfs exists.
  FaultVfs();
  // Restores the VFS that was the default before (the shim stays registered under its own name,
  // unused, because connections opened through it may outlive this object).
  ~FaultVfs();
  FaultVfs(const FaultVfs&) = delete;
  FaultVfs& operator=(const FaultVfs&) = delete;

  // From now on, fail the `nth` (1-based) call of the kind's I/O method as `kind` says. Resets the
  // counts and fired().
  void arm(FaultKind kind, std::uint64_t nth);
  // Stops failing anything; the counts keep running.
  void disarm();
  // True when a call was failed since the last arm().
  bool fired() const;
  // How many calls were failed since the last arm().
  std::uint64_t failures() const;
  // The call failed last, e.g. "xRead of 4096 bytes at offset 8192 of the database".
  std::string last_failure() const;
  IoCounts counts() const;
  void reset_counts();

  static constexpr const char* kName = "meldkluis-fault";
};

}  // namespace mk::testing
