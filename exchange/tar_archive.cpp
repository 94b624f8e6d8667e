#include "exchange/tar_archive.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>
#include <string>

#include "base/utf8.hpp"

namespace mk::exchange {
namespace {

// Header field offsets and sizes (POSIX ustar).
struct Field {
  std::size_t offset;
  std::size_t size;
};
constexpr Field kName{0, 100};
constexpr Field kMode{100, 8};
constexpr Field kUid{108, 8};
constexpr Field kGid{116, 8};
constexpr Field kSize{124, 12};
constexpr Field kMtime{136, 12};
constexpr Field kChecksum{148, 8};
constexpr std::size_t kTypeflagOffset = 156;
constexpr Field kLinkname{157, 100};
constexpr Field kMagic{257, 6};
constexpr Field kVersion{263, 2};
constexpr Field kUname{265, 32};
constexpr Field kGname{297, 32};
constexpr Field kDevmajor{329, 8};
constexpr Field kDevminor{337, 8};
constexpr Field kPrefix{345, 155};
constexpr Field kPad{500, 12};

constexpr char kRegularType = '0';
constexpr std::string_view kMagicValue("ustar\0", 6);
constexpr std::string_view kVersionValue = "00";
constexpr std::uint32_t kMaxMode = 07777;

using Block = std::span<const std::uint8_t, kTarBlockSize>;

std::size_t round_up(std::size_t n, std::size_t unit) {
  return (n + unit - 1) / unit * unit;
}

bool all_zero(ByteView bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
}

ByteView field_bytes(Block block, Field f) {
  return ByteView(block).subspan(f.offset, f.size);
}

bool is_valid_owner(std::string_view owner) {
  if (owner.empty() || owner.size() > kTarMaxOwnerSize) return false;
  return std::all_of(owner.begin(), owner.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

// `value` as `digits` octal digits with leading zeros, then a NUL: GNU tar's form.
void put_octal(std::uint8_t* out, std::uint64_t value, std::size_t digits) {
  for (std::size_t i = digits; i-- > 0;) {
    out[i] = static_cast<std::uint8_t>('0' + (value & 7));
    value >>= 3;
  }
  out[digits] = 0;
}

void put_text(std::uint8_t* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
}

std::uint32_t header_checksum(ByteView header) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < kTarBlockSize; ++i) {
    bool in_checksum = i >= kChecksum.offset && i < kChecksum.offset + kChecksum.size;
    sum += in_checksum ? std::uint32_t{' '} : header[i];
  }
  return sum;
}

void write_header(std::uint8_t* h, const TarMember& m) {
  put_text(h + kName.offset, m.name);
  put_octal(h + kMode.offset, m.mode, kMode.size - 1);
  put_octal(h + kUid.offset, 0, kUid.size - 1);
  put_octal(h + kGid.offset, 0, kGid.size - 1);
  put_octal(h + kSize.offset, m.content.size(), kSize.size - 1);
  put_octal(h + kMtime.offset, static_cast<std::uint64_t>(m.mtime), kMtime.size - 1);
  std::memset(h + kChecksum.offset, ' ', kChecksum.size);
  h[kTypeflagOffset] = kRegularType;
  put_text(h + kMagic.offset, kMagicValue);
  put_text(h + kVersion.offset, kVersionValue);
  put_text(h + kUname.offset, m.owner);
  put_text(h + kGname.offset, m.owner);
  put_octal(h + kDevmajor.offset, 0, kDevmajor.size - 1);
  put_octal(h + kDevminor.offset, 0, kDevminor.size - 1);
  std::uint32_t sum = header_checksum(ByteView(h, kTarBlockSize));
  put_octal(h + kChecksum.offset, sum, 6);  // six digits, NUL, and the space already there
}

// An octal number field: one or more octal digits, then one or more NUL or space, nothing else
// (GNU tar, bsdtar and Python write these forms). nullopt otherwise, or above `max`.
std::optional<std::uint64_t> parse_octal(ByteView field, std::uint64_t max) {
  std::size_t i = 0;
  std::uint64_t value = 0;
  while (i < field.size() && field[i] >= '0' && field[i] <= '7') {
    if (value > (max >> 3)) return std::nullopt;
    value = value * 8 + (field[i] - '0');
    if (value > max) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == field.size()) return std::nullopt;
  for (; i < field.size(); ++i) {
    if (field[i] != 0 && field[i] != ' ') return std::nullopt;
  }
  return value;
}

// A NUL-padded text field: the bytes before the first NUL, all NUL after it. A field without NUL
// is accepted only when `may_fill` (ustar names may use all 100 bytes).
std::optional<std::string_view> parse_text(ByteView field, bool may_fill) {
  auto nul = std::find(field.begin(), field.end(), std::uint8_t{0});
  if (nul == field.end() && !may_fill) return std::nullopt;
  if (!std::all_of(nul, field.end(), [](std::uint8_t b) { return b == 0; })) return std::nullopt;
  return as_chars(field.subspan(0, static_cast<std::size_t>(nul - field.begin())));
}

Status member_error(std::size_t index, std::string_view what) {
  return invalid_input("tar: member " + std::to_string(index + 1) + ": " + std::string(what));
}

// Parses one header block into `m` (content left empty).
Status parse_header(Block h, std::size_t index, const TarLimits& limits, TarMember& m,
                    std::size_t& size) {
  auto stored_sum = parse_octal(field_bytes(h, kChecksum), 0777777);
  if (!stored_sum || *stored_sum != header_checksum(ByteView(h))) {
    return member_error(index, "header checksum does not match (corrupt or not a tar archive)");
  }
  if (as_chars(field_bytes(h, kMagic)) != kMagicValue ||
      as_chars(field_bytes(h, kVersion)) != kVersionValue) {
    return member_error(index, "not a POSIX ustar header (magic \"ustar\", version \"00\")");
  }
  if (h[kTypeflagOffset] != kRegularType) {
    return member_error(index, "not a regular file (links, folders and others are refused)");
  }
  if (!all_zero(field_bytes(h, kLinkname)) || !all_zero(field_bytes(h, kPrefix)) ||
      !all_zero(field_bytes(h, kPad))) {
    return member_error(index, "has a link name, a name prefix or header padding");
  }
  auto name = parse_text(field_bytes(h, kName), true);
  if (!name || !is_safe_tar_name(*name)) {
    return member_error(index, "name is not a safe relative path");
  }
  auto owner = parse_text(field_bytes(h, kUname), false);
  auto group = parse_text(field_bytes(h, kGname), false);
  if (!owner || !group) return member_error(index, "owner or group name is not NUL-terminated");
  auto mode = parse_octal(field_bytes(h, kMode), kMaxMode);
  auto mtime = parse_octal(field_bytes(h, kMtime), kTarMaxTime);
  auto byte_size = parse_octal(field_bytes(h, kSize), (std::uint64_t{1} << 33) - 1);
  // devmajor and devminor mean nothing for a regular file: GNU tar writes zeros, Python's
  // tarfile leaves them empty.
  auto device_ok = [&](Field f) {
    return all_zero(field_bytes(h, f)) || parse_octal(field_bytes(h, f), 07777777);
  };
  if (!mode || !mtime || !byte_size || !parse_octal(field_bytes(h, kUid), 07777777) ||
      !parse_octal(field_bytes(h, kGid), 07777777) || !device_ok(kDevmajor) ||
      !device_ok(kDevminor)) {
    return member_error(index, "a numeric field is not octal as ustar writes it");
  }
  if (*byte_size > limits.max_member_size) {
    return member_error(
        index, "larger than the " + std::to_string(limits.max_member_size) + " bytes allowed");
  }
  m.name = *name;
  m.owner = *owner;
  m.mode = static_cast<std::uint32_t>(*mode);
  m.mtime = static_cast<std::int64_t>(*mtime);
  size = static_cast<std::size_t>(*byte_size);
  return Status::ok();
}

// After the two zero blocks at `end`: only zero blocks, up to the end of a record.
Status check_after_end(ByteView archive, std::size_t end) {
  ByteView rest = archive.subspan(end);
  if (rest.size() % kTarBlockSize != 0 || end + rest.size() > round_up(end, kTarRecordSize) ||
      !all_zero(rest)) {
    return invalid_input("tar: data after the end of the archive");
  }
  return Status::ok();
}

}  // namespace

bool is_safe_tar_name(std::string_view name) {
  if (name.empty() || name.size() > kTarMaxNameSize || !is_valid_utf8(name) ||
      has_control_characters(name)) {
    return false;
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return false;  // also tab, CR, LF
  }
  std::size_t start = 0;
  while (true) {
    std::size_t slash = name.find('/', start);
    std::string_view part =
        name.substr(start, slash == std::string_view::npos ? name.npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

std::size_t tar_archive_size(std::span<const std::size_t> content_sizes) {
  std::size_t total = 2 * kTarBlockSize;
  for (std::size_t size : content_sizes)
    total += kTarBlockSize + round_up(size, kTarBlockSize);
  return round_up(total, kTarRecordSize);
}

Result<crypto::SecretBuffer> write_tar(std::span<const TarMember> members, std::size_t max_size) {
  std::vector<std::size_t> sizes;
  std::set<std::string_view> names;
  std::size_t total = 0;  // at most max_size + one member: cannot overflow
  for (std::size_t i = 0; i < members.size(); ++i) {
    const TarMember& m = members[i];
    if (!is_safe_tar_name(m.name)) return member_error(i, "name is not a safe relative path");
    if (!names.insert(m.name).second) return member_error(i, "name used twice");
    if (m.mode > kMaxMode) return member_error(i, "mode above 07777");
    if (m.mtime < 0 || m.mtime > kTarMaxTime) return member_error(i, "time out of range");
    if (!is_valid_owner(m.owner)) return member_error(i, "owner is not 1..31 of [A-Za-z0-9._-]");
    total += kTarBlockSize + m.content.size();
    if (m.content.size() > max_size || total > max_size) break;
    sizes.push_back(m.content.size());
  }
  if (sizes.size() != members.size() || tar_archive_size(sizes) > max_size) {
    return invalid_input("tar: the archive would exceed " + std::to_string(max_size) + " bytes");
  }
  crypto::SecretBuffer out(tar_archive_size(sizes));  // zero-filled
  std::uint8_t* p = out.data();
  for (const TarMember& m : members) {
    write_header(p, m);
    p += kTarBlockSize;
    if (!m.content.empty()) std::memcpy(p, m.content.data(), m.content.size());
    p += round_up(m.content.size(), kTarBlockSize);
  }
  return out;
}

Result<std::vector<TarMember>> read_tar(ByteView archive, const TarLimits& limits) {
  std::vector<TarMember> members;
  std::set<std::string_view> names;
  std::size_t pos = 0;
  while (true) {
    if (archive.size() - pos < kTarBlockSize) {
      return invalid_input("tar: the archive ends without its end marker (two zero blocks)");
    }
    Block block(archive.data() + pos, kTarBlockSize);
    if (all_zero(block)) {
      if (archive.size() - pos < 2 * kTarBlockSize) {
        return invalid_input("tar: the archive ends without its end marker (two zero blocks)");
      }
      if (!all_zero(archive.subspan(pos + kTarBlockSize, kTarBlockSize))) {
        return invalid_input("tar: a zero block is followed by more data");
      }
      MK_RETURN_IF_ERROR(check_after_end(archive, pos + 2 * kTarBlockSize));
      return members;
    }
    std::size_t index = members.size();
    if (index == limits.max_members) {
      return invalid_input("tar: more than " + std::to_string(limits.max_members) + " members");
    }
    TarMember m;
    std::size_t size = 0;
    MK_RETURN_IF_ERROR(parse_header(block, index, limits, m, size));
    pos += kTarBlockSize;
    std::size_t padded = round_up(size, kTarBlockSize);
    if (padded > archive.size() - pos) {
      return member_error(index, "runs past the end of the archive");
    }
    m.content = archive.subspan(pos, size);
    if (!all_zero(archive.subspan(pos + size, padded - size))) {
      return member_error(index, "padding after the content is not zero");
    }
    if (!names.insert(m.name).second) return member_error(index, "name used twice");
    pos += padded;
    members.push_back(m);
  }
}

}  // namespace mk::exchange
