// exchange/tar_archive.hpp: read_tar on any bytes. Random bytes rarely carry a right header
// checksum, so each input is read twice: as given, and with the checksum of every block that has
// the ustar magic recomputed, which lets the fuzzer reach the fields behind it. Members that read
// are views inside the archive with safe, unique names; when write_tar can write them, reading
// its archive gives the same members again.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "exchange/tar_archive.hpp"
#include "fuzz/crypto_init.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

using mk::exchange::TarMember;

bool same_members(const std::vector<TarMember>& a, const std::vector<TarMember>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.name == y.name && std::ranges::equal(x.content, y.content) && x.mode == y.mode &&
           x.mtime == y.mtime && x.owner == y.owner;
  });
}

void check(mk::ByteView archive) {
  using namespace mk;
  exchange::TarLimits limits;
  limits.max_member_size = 1 << 20;
  auto members = exchange::read_tar(archive, limits);
  if (!members) {
    fuzz::require_code(members.status(), Code::kInvalidInput, "read_tar: error code");
    return;
  }
  std::set<std::string_view> names;
  for (const auto& member : *members) {
    fuzz::require(exchange::is_safe_tar_name(member.name), "read_tar: unsafe name");
    fuzz::require(names.insert(member.name).second, "read_tar: duplicate name");
    fuzz::require(member.content.empty() || (member.content.data() >= archive.data() &&
                                             member.content.data() + member.content.size() <=
                                                 archive.data() + archive.size()),
                  "read_tar: content outside the archive");
  }
  auto written = exchange::write_tar(*members);
  if (!written) return;
  auto again = exchange::read_tar(written->view(), limits);
  fuzz::require(again.is_ok() && same_members(*again, *members),
                "tar: write_tar's archive does not read back to the same members");
}

// `archive` with the checksum of every 512-byte block that has the ustar magic recomputed, written
// as GNU tar does (six octal digits, NUL, space).
mk::Bytes with_correct_checksums(mk::ByteView archive) {
  mk::Bytes fixed(archive.begin(), archive.end());
  constexpr std::size_t kBlock = mk::exchange::kTarBlockSize;
  for (std::size_t at = 0; at + kBlock <= fixed.size(); at += kBlock) {
    std::uint8_t* block = fixed.data() + at;
    if (std::memcmp(block + 257, "ustar", 5) != 0) continue;
    std::memset(block + 148, ' ', 8);
    unsigned sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i)
      sum += block[i];
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06o", sum & 0777777u);
    std::memcpy(block + 148, digits, 6);
    block[154] = 0;
    block[155] = ' ';
  }
  return fixed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const mk::ByteView archive = mk::fuzz::as_view(data, size);
  check(archive);
  const mk::Bytes fixed = with_correct_checksums(archive);
  check(fixed);
  return 0;
}
