// A minimal POSIX ustar archive (IEEE Std 1003.1, "pax" utility, ustar Interchange Format): the
// plaintext inside a package's age file (package.hpp). We write regular files only, exactly as
// GNU tar 1.34 writes them with `--format=ustar` (so the bytes are reproducible with it, see
// docs/formats/package.md), and read back only that shape, strictly.
//
//   archive  = (header block, data blocks)* , two zero blocks , zero padding to a 10240-byte record
//   header   = 512 bytes: name[100] mode[8] uid[8] gid[8] size[12] mtime[12] chksum[8] typeflag[1]
//              linkname[100] magic "ustar\0" version "00" uname[32] gname[32] devmajor[8]
//              devminor[8] prefix[155] pad[12]
//   data     = the member's bytes, zero-padded to a multiple of 512
//
// Numeric fields are octal digits with leading zeros and a NUL (GNU tar's form; chksum is six
// digits, NUL, space); uid and gid are 0, devmajor and devminor 0, uname and gname the owner.
// The reader also takes the forms other ustar writers use (octal ended by NUL or space; empty
// devmajor and devminor, as Python's tarfile writes them).
//
// The reader (read_tar) refuses with kInvalidInput, never aborting on any input: a header whose
// checksum does not match; another magic or version (GNU, v7 or pax archives); a type other than
// '0' (directories, links, symlinks, devices, pax headers); a link name; a ustar prefix (long
// names); a name that is not a safe relative path (see is_safe_tar_name); a duplicate name; a
// numeric field that is not NUL- or space-terminated octal; a member over the size limit or running
// past the end; non-zero padding; a missing or incomplete end (two zero blocks); anything after
// it other than zero blocks up to the end of a 10240-byte record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/secret_buffer.hpp"

namespace mk::exchange {

inline constexpr std::size_t kTarBlockSize = 512;
inline constexpr std::size_t kTarRecordSize = 20 * kTarBlockSize;  // GNU tar's default blocking
inline constexpr std::size_t kTarMaxNameSize = 100;
inline constexpr std::size_t kTarMaxOwnerSize = 31;
// The largest mtime the 11 octal digits hold (8^11 - 1: the year 2242).
inline constexpr std::int64_t kTarMaxTime = (std::int64_t{1} << 33) - 1;

// One regular file. When writing, the views must outlive write_tar; when reading, they point into
// the archive passed to read_tar and live as long as it does.
struct TarMember {
  std::string_view name;   // a safe relative path, at most 100 bytes
  ByteView content;        // the file's bytes
  std::uint32_t mode = 0;  // permission bits, at most 07777 (e.g. 0600)
  std::int64_t mtime = 0;  // seconds since 1970-01-01T00:00:00Z, 0..kTarMaxTime
  std::string_view owner;  // uname and gname: 1..31 bytes of [A-Za-z0-9._-]
};

struct TarLimits {
  std::size_t max_members = 64;
  std::size_t max_member_size = std::size_t{64} << 20;
};

// A name we write and accept: 1..100 bytes of UTF-8 without control characters or "\\";
// components separated by single "/", none empty, "." or "..": no absolute path, no trailing "/",
// nothing that climbs out of the folder it is extracted in.
bool is_safe_tar_name(std::string_view name);

// The size write_tar's archive of members with these content sizes will have.
std::size_t tar_archive_size(std::span<const std::size_t> content_sizes);

// The archive of `members`, in order, in secure memory. kInvalidInput (naming the member by its
// position and, when safe, its name) for an unsafe or duplicate name, a mode above 07777, an mtime
// outside 0..kTarMaxTime, a bad owner, or an archive larger than `max_size`.
Result<crypto::SecretBuffer> write_tar(std::span<const TarMember> members,
                                       std::size_t max_size = std::size_t{64} << 20);

// The members of `archive`, in order, as views into it. kInvalidInput as described above.
Result<std::vector<TarMember>> read_tar(ByteView archive, const TarLimits& limits = {});

}  // namespace mk::exchange
