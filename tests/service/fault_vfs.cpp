#include "service/fault_vfs.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace mk::testing {
namespace {

// The plan and the counts are process-wide, like the VFS registry itself.
struct State {
  bool armed = false;
  FaultKind kind = FaultKind::kDiskFull;
  std::uint64_t nth = 0;
  std::uint64_t failures = 0;
  IoCounts counts;
  bool instance_alive = false;
};
State g_state;

sqlite3_vfs* g_base = nullptr;      // the "unix" VFS the shim forwards to
sqlite3_vfs* g_previous = nullptr;  // the default before the shim
sqlite3_vfs g_shim{};               // the shim itself; lives as long as the process

// A file opened through the shim: our header, then the base VFS's own file object.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
  const char* role;  // "database", "journal", "temporary file"
};

const char* role_of(int flags) {
  if (flags & SQLITE_OPEN_MAIN_DB) return "database";
  if (flags & SQLITE_OPEN_MAIN_JOURNAL) return "journal";
  return "temporary file";
}

std::string g_last_failure;

void note_failure(sqlite3_file* f, const char* call, int amount, sqlite3_int64 offset) {
  g_last_failure = std::string(call) + " of " + std::to_string(amount) + " bytes at offset " +
                   std::to_string(offset) + " of the " + reinterpret_cast<FaultFile*>(f)->role;
}

sqlite3_file* real_of(sqlite3_file* f) {
  return reinterpret_cast<FaultFile*>(f)->real;
}

// Counts one call of `kind`'s method and says whether it is to fail.
bool should_fail(FaultKind kind, std::uint64_t count) {
  if (!g_state.armed) return false;
  bool hit = false;
  if (kind == FaultKind::kDiskFull) {
    hit = g_state.kind == FaultKind::kDiskFull && count >= g_state.nth;
  } else {
    hit = g_state.kind == kind && count == g_state.nth;
  }
  if (hit) ++g_state.failures;
  return hit;
}

bool is_read_fault(FaultKind kind) {
  return kind == FaultKind::kReadError || kind == FaultKind::kShortRead;
}

// --- file methods ---------------------------------------------------------------------------

int fault_close(sqlite3_file* f) {
  sqlite3_file* real = real_of(f);
  int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
  f->pMethods = nullptr;
  return rc;
}

int fault_read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
  std::uint64_t n = ++g_state.counts.reads;
  sqlite3_file* real = real_of(f);
  if (g_state.armed && is_read_fault(g_state.kind) && n == g_state.nth) {
    ++g_state.failures;
    note_failure(f, "xRead", amount, offset);
    if (g_state.kind == FaultKind::kReadError) return SQLITE_IOERR_READ;
    int rc = real->pMethods->xRead(real, buf, amount, offset);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
    int half = amount / 2;
    std::memset(static_cast<char*>(buf) + half, 0, static_cast<std::size_t>(amount - half));
    return SQLITE_IOERR_SHORT_READ;
  }
  return real->pMethods->xRead(real, buf, amount, offset);
}

int fault_write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
  std::uint64_t n = ++g_state.counts.writes;
  if (should_fail(FaultKind::kDiskFull, n)) {
    note_failure(f, "xWrite", amount, offset);
    return SQLITE_FULL;
  }
  if (should_fail(FaultKind::kWriteError, n)) {
    note_failure(f, "xWrite", amount, offset);
    return SQLITE_IOERR_WRITE;
  }
  sqlite3_file* real = real_of(f);
  return real->pMethods->xWrite(real, buf, amount, offset);
}

int fault_truncate(sqlite3_file* f, sqlite3_int64 size) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xTruncate(real, size);
}

int fault_sync(sqlite3_file* f, int flags) {
  std::uint64_t n = ++g_state.counts.syncs;
  if (should_fail(FaultKind::kSyncError, n)) {
    note_failure(f, "xSync", 0, 0);
    return SQLITE_IOERR_FSYNC;
  }
  // Not passed on to the disk: these tests inject errors, not power loss, and the page cache
  // serves a reopen in the same process. Skipping the real fsync keeps thousands of runs fast.
  (void)f;
  (void)flags;
  return SQLITE_OK;
}

int fault_file_size(sqlite3_file* f, sqlite3_int64* size) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xFileSize(real, size);
}

int fault_lock(sqlite3_file* f, int level) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xLock(real, level);
}

int fault_unlock(sqlite3_file* f, int level) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xUnlock(real, level);
}

int fault_check_reserved_lock(sqlite3_file* f, int* out) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xCheckReservedLock(real, out);
}

int fault_file_control(sqlite3_file* f, int op, void* arg) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xFileControl(real, op, arg);
}

int fault_sector_size(sqlite3_file* f) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xSectorSize(real);
}

int fault_device_characteristics(sqlite3_file* f) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xDeviceCharacteristics(real);
}

int fault_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xShmMap(real, page, size, extend, out);
}

int fault_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xShmLock(real, offset, n, flags);
}

void fault_shm_barrier(sqlite3_file* f) {
  sqlite3_file* real = real_of(f);
  real->pMethods->xShmBarrier(real);
}

int fault_shm_unmap(sqlite3_file* f, int delete_flag) {
  sqlite3_file* real = real_of(f);
  return real->pMethods->xShmUnmap(real, delete_flag);
}

int fault_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  // No memory-mapped reads: every page goes through xRead, where faults can be injected.
  (void)f;
  (void)offset;
  (void)amount;
  *out = nullptr;
  return SQLITE_OK;
}

int fault_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
  (void)f;
  (void)offset;
  (void)page;
  return SQLITE_OK;
}

const sqlite3_io_methods kFaultMethods = {
    3,
    fault_close,
    fault_read,
    fault_write,
    fault_truncate,
    fault_sync,
    fault_file_size,
    fault_lock,
    fault_unlock,
    fault_check_reserved_lock,
    fault_file_control,
    fault_sector_size,
    fault_device_characteristics,
    fault_shm_map,
    fault_shm_lock,
    fault_shm_barrier,
    fault_shm_unmap,
    fault_fetch,
    fault_unfetch,
};

// --- VFS methods ----------------------------------------------------------------------------

int fault_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<FaultFile*>(f);
  file->base.pMethods = nullptr;
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  file->real->pMethods = nullptr;
  file->role = role_of(flags);
  int exists = 0;
  if (name != nullptr) {
    int rc = g_base->xAccess(g_base, name, SQLITE_ACCESS_EXISTS, &exists);
    if (rc != SQLITE_OK) exists = 0;
  }
  if (!exists) {
    std::uint64_t n = ++g_state.counts.new_file_opens;
    if (should_fail(FaultKind::kCantOpen, n)) {
      g_last_failure = std::string("xOpen of a new ") + role_of(flags);
      return SQLITE_CANTOPEN;
    }
  }
  int rc = g_base->xOpen(g_base, name, file->real, flags, out_flags);
  if (file->real->pMethods != nullptr) file->base.pMethods = &kFaultMethods;
  return rc;
}

int fault_delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return g_base->xDelete(g_base, name, sync_dir);
}

int fault_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_base->xAccess(g_base, name, flags, out);
}

int fault_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
  return g_base->xFullPathname(g_base, name, n, out);
}

void* fault_dl_open(sqlite3_vfs*, const char* name) {
  return g_base->xDlOpen(g_base, name);
}

void fault_dl_error(sqlite3_vfs*, int n, char* out) {
  g_base->xDlError(g_base, n, out);
}

void (*fault_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return g_base->xDlSym(g_base, handle, symbol);
}

void fault_dl_close(sqlite3_vfs*, void* handle) {
  g_base->xDlClose(g_base, handle);
}

int fault_randomness(sqlite3_vfs*, int n, char* out) {
  return g_base->xRandomness(g_base, n, out);
}

int fault_sleep(sqlite3_vfs*, int micros) {
  return g_base->xSleep(g_base, micros);
}

int fault_current_time(sqlite3_vfs*, double* out) {
  return g_base->xCurrentTime(g_base, out);
}

int fault_get_last_error(sqlite3_vfs*, int n, char* out) {
  return g_base->xGetLastError(g_base, n, out);
}

int fault_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
  return g_base->xCurrentTimeInt64(g_base, out);
}

void build_shim() {
  g_base = sqlite3_vfs_find("unix");
  if (g_base == nullptr) std::abort();  // the unix VFS is part of every Linux build
  g_shim.iVersion = 2;                  // the system-call hooks (version 3) stay the base's own
  g_shim.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_base->szOsFile;
  g_shim.mxPathname = g_base->mxPathname;
  g_shim.zName = FaultVfs::kName;
  g_shim.xOpen = fault_open;
  g_shim.xDelete = fault_delete;
  g_shim.xAccess = fault_access;
  g_shim.xFullPathname = fault_full_pathname;
  g_shim.xDlOpen = fault_dl_open;
  g_shim.xDlError = fault_dl_error;
  g_shim.xDlSym = fault_dl_sym;
  g_shim.xDlClose = fault_dl_close;
  g_shim.xRandomness = fault_randomness;
  g_shim.xSleep = fault_sleep;
  g_shim.xCurrentTime = fault_current_time;
  g_shim.xGetLastError = fault_get_last_error;
  g_shim.xCurrentTimeInt64 = fault_current_time_int64;
}

}  // namespace

std::string_view fault_kind_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::kDiskFull:
      return "disk full (SQLITE_FULL from the Nth write on)";
    case FaultKind::kWriteError:
      return "write error (SQLITE_IOERR_WRITE at the Nth write)";
    case FaultKind::kSyncError:
      return "fsync error (SQLITE_IOERR_FSYNC at the Nth sync)";
    case FaultKind::kReadError:
      return "read error (SQLITE_IOERR_READ at the Nth read)";
    case FaultKind::kShortRead:
      return "short read (half a page, at the Nth read)";
    case FaultKind::kCantOpen:
      return "cannot create a file (SQLITE_CANTOPEN at the Nth new file)";
  }
  return "unknown";
}

FaultVfs::FaultVfs() {
  if (g_state.instance_alive) std::abort();  // one at a time: the registry is process-wide
  g_state = State{};
  g_state.instance_alive = true;
  if (g_base == nullptr) build_shim();
  g_previous = sqlite3_vfs_find(nullptr);
  if (sqlite3_vfs_register(&g_shim, 1) != SQLITE_OK) std::abort();
}

FaultVfs::~FaultVfs() {
  g_state.armed = false;
  if (g_previous != nullptr) sqlite3_vfs_register(g_previous, 1);
  g_state.instance_alive = false;
}

void FaultVfs::arm(FaultKind kind, std::uint64_t nth) {
  g_state.kind = kind;
  g_state.nth = nth;
  g_state.failures = 0;
  g_state.counts = IoCounts{};
  g_state.armed = true;
}

void FaultVfs::disarm() {
  g_state.armed = false;
}

bool FaultVfs::fired() const {
  return g_state.failures > 0;
}

std::uint64_t FaultVfs::failures() const {
  return g_state.failures;
}

std::string FaultVfs::last_failure() const {
  return g_last_failure;
}

IoCounts FaultVfs::counts() const {
  return g_state.counts;
}

void FaultVfs::reset_counts() {
  g_state.counts = IoCounts{};
}

}  // namespace mk::testing
