// The ustar archive inside a package: what we write reads back, GNU tar lists and extracts it (and
// writes the same bytes itself), and the reader refuses anything but the plain shape we write.
#include "exchange/tar_archive.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "package_fixture.hpp"

namespace mk::exchange {
namespace {

using test::require_tool;
using test::ScratchDir;

constexpr std::size_t kHeaderChecksum = 148;
constexpr std::size_t kHeaderTypeflag = 156;
constexpr std::size_t kHeaderLinkname = 157;
constexpr std::size_t kHeaderMagic = 257;

Bytes archive_of(std::span<const TarMember> members) {
  auto archive = write_tar(members);
  REQUIRE(archive);
  return test::bytes_of(*archive);
}

std::string text_of(ByteView b) {
  return std::string(as_chars(b));
}

// Re-computes the checksum of the header at `at` as POSIX says (the unsigned sum of the header
// with the checksum field taken as eight spaces; six octal digits, NUL, space): an independent
// implementation, so a test can alter a header and still present a valid one.
void fix_checksum(Bytes& archive, std::size_t at) {
  std::memset(archive.data() + at + kHeaderChecksum, ' ', 8);
  unsigned sum = 0;
  for (std::size_t i = 0; i < 512; ++i)
    sum += archive[at + i];
  char digits[8];
  std::snprintf(digits, sizeof digits, "%06o", sum);
  std::memcpy(archive.data() + at + kHeaderChecksum, digits, 7);  // six digits and the NUL
}

// Writes `text` (NUL-padded to `size`) into the header at `at`, then fixes the checksum.
void set_header_field(Bytes& archive, std::size_t at, std::size_t offset, std::size_t size,
                      std::string_view text) {
  REQUIRE(text.size() <= size);
  std::memset(archive.data() + at + offset, 0, size);
  std::memcpy(archive.data() + at + offset, text.data(), text.size());
  fix_checksum(archive, at);
}

// Three members as in a package: two small ones and one over a block.
struct Sample {
  std::string summary = "Samenvatting: 1 casus, 1 melding, 1 persoon (pseudoniem 4T8R-6WZQ-P).\n";
  std::string manifest = "{\"format\": \"meldkluis-package/1\", \"record_count\": 3}\n";
  std::string records = std::string(700, 'x') + "\n";
  std::vector<TarMember> members() const {
    return {{"LEESMIJ.txt", as_bytes(summary), 0600, test::kPackageTime, "meldkluis"},
            {"manifest.json", as_bytes(manifest), 0600, test::kPackageTime, "meldkluis"},
            {"records.json", as_bytes(records), 0600, test::kPackageTime, "meldkluis"}};
  }
};

TEST_CASE("tar: what we write reads back member by member", "[exchange][tar]") {
  Sample s;
  auto members = s.members();
  Bytes archive = archive_of(members);
  // One header per member, data in whole blocks (1, 1, 2), two end blocks, a 10240-byte record.
  CHECK(archive.size() == kTarRecordSize);
  std::size_t sizes[] = {s.summary.size(), s.manifest.size(), s.records.size()};
  CHECK(tar_archive_size(sizes) == archive.size());
  auto read = read_tar(archive);
  REQUIRE(read);
  REQUIRE(read->size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK((*read)[i].name == members[i].name);
    CHECK(text_of((*read)[i].content) == text_of(members[i].content));
    CHECK((*read)[i].mode == 0600);
    CHECK((*read)[i].mtime == test::kPackageTime);
    CHECK((*read)[i].owner == "meldkluis");
  }
}

TEST_CASE("tar: sizes at block and record edges round-trip", "[exchange][tar]") {
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{511}, std::size_t{512},
                           std::size_t{513}, std::size_t{8704}, std::size_t{9216}}) {
    INFO("member of " << size << " bytes");
    std::string content(size, 'a');
    TarMember m{"records.json", as_bytes(content), 0644, 0, "meldkluis"};
    Bytes archive = archive_of(std::span(&m, 1));
    CHECK(archive.size() % kTarRecordSize == 0);
    std::size_t sizes[] = {size};
    CHECK(archive.size() == tar_archive_size(sizes));
    auto read = read_tar(archive);
    REQUIRE(read);
    REQUIRE(read->size() == 1);
    CHECK(text_of((*read)[0].content) == content);
  }
  // No members: the end marker alone, padded to a record.
  Bytes empty = archive_of({});
  CHECK(empty == Bytes(kTarRecordSize, 0));
  auto read = read_tar(empty);
  REQUIRE(read);
  CHECK(read->empty());
}

TEST_CASE("tar: unsafe names and bad fields are refused when writing", "[exchange][tar]") {
  std::string content = "x";
  auto write_one = [&](std::string_view name, std::uint32_t mode = 0600, std::int64_t mtime = 0,
                       std::string_view owner = "meldkluis") {
    TarMember m{name, as_bytes(content), mode, mtime, owner};
    return write_tar(std::span(&m, 1));
  };
  CHECK(write_one("LEESMIJ.txt"));
  CHECK(write_one("bijlagen/brief.txt"));
  for (std::string_view bad : {"", "../x", "a/../../x", "/etc/passwd", "./x", "a//b", "a/", "..",
                               "a\\..\\b", "tab\tx", "nieuwe\nregel"}) {
    INFO("name \"" << bad << "\"");
    auto r = write_one(bad);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == Code::kInvalidInput);
  }
  CHECK_FALSE(write_one(std::string(101, 'a')));
  CHECK(write_one(std::string(100, 'a')));
  CHECK_FALSE(write_one("\xff\xfe.txt"));
  CHECK_FALSE(write_one("x", 010000));
  CHECK_FALSE(write_one("x", 0600, -1));
  CHECK_FALSE(write_one("x", 0600, kTarMaxTime + 1));
  CHECK_FALSE(write_one("x", 0600, 0, ""));
  CHECK_FALSE(write_one("x", 0600, 0, "mel dkluis"));
  CHECK_FALSE(write_one("x", 0600, 0, std::string(32, 'm')));

  TarMember twice[] = {{"a.txt", as_bytes(content), 0600, 0, "meldkluis"},
                       {"a.txt", as_bytes(content), 0600, 0, "meldkluis"}};
  CHECK_FALSE(write_tar(twice));

  std::string big(20000, 'b');
  TarMember m{"records.json", as_bytes(big), 0600, 0, "meldkluis"};
  auto too_big = write_tar(std::span(&m, 1), 20480);
  REQUIRE_FALSE(too_big);
  CHECK(too_big.status().code() == Code::kInvalidInput);
  CHECK(write_tar(std::span(&m, 1), 30720));
}

TEST_CASE("tar -tvf lists our three members and tar -xf extracts identical bytes",
          "[exchange][tar][interop]") {
  std::string tar = require_tool("tar");
  ScratchDir dir;
  PackageContents contents = test::example_contents();
  auto members = test::example_members(contents);
  Bytes archive = archive_of(members);
  test::write_file(dir.file("pakket.tar"), archive);

  auto list = testing::run_process({"env", "TZ=UTC", tar, "-tvf", dir.file("pakket.tar")});
  INFO(list.output);
  REQUIRE(list.exit_code == 0);
  // "-rw------- meldkluis/meldkluis 1454 2026-11-29 10:00 LEESMIJ.txt" (sizes right-aligned)
  std::istringstream lines(list.output);
  std::vector<std::vector<std::string>> listed;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    listed.emplace_back(std::istream_iterator<std::string>(words),
                        std::istream_iterator<std::string>());
  }
  REQUIRE(listed.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    std::vector<std::string> expected = {"-rw-------",
                                         "meldkluis/meldkluis",
                                         std::to_string(members[i].content.size()),
                                         "2026-11-29",
                                         "10:00",
                                         std::string(members[i].name)};
    CHECK(listed[i] == expected);
  }

  std::filesystem::create_directory(dir.file("uit"));
  auto extract = testing::run_process({tar, "-xf", dir.file("pakket.tar"), "-C", dir.file("uit")});
  INFO(extract.output);
  REQUIRE(extract.exit_code == 0);
  CHECK(extract.output.empty());  // no warnings either
  for (const TarMember& m : members) {
    std::string path = dir.file("uit/" + std::string(m.name));
    CHECK(test::read_file(path) == Bytes(m.content.begin(), m.content.end()));
    auto perms = std::filesystem::status(path).permissions();
    CHECK((perms & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  }
  CHECK(std::distance(std::filesystem::directory_iterator(dir.file("uit")),
                      std::filesystem::directory_iterator()) == 3);
}

TEST_CASE("GNU tar --format=ustar writes the same bytes as we do, and we read them",
          "[exchange][tar][interop]") {
  std::string tar = require_tool("tar");
  ScratchDir dir;
  PackageContents contents = test::example_contents();
  auto members = test::example_members(contents);
  std::filesystem::create_directory(dir.file("in"));
  for (const TarMember& m : members) {
    std::string path = dir.file("in/" + std::string(m.name));
    test::write_file(path, m.content);
    std::filesystem::permissions(
        path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  auto r =
      testing::run_process({tar, "--format=ustar", "--owner=meldkluis:0", "--group=meldkluis:0",
                            "--mtime=@1795946400", "-cf", dir.file("gnu.tar"), "-C", dir.file("in"),
                            "LEESMIJ.txt", "manifest.json", "records.json"});
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  Bytes gnu = test::read_file(dir.file("gnu.tar"));
  CHECK(gnu == archive_of(members));
  auto read = read_tar(gnu);
  REQUIRE(read);
  CHECK(read->size() == 3);
}

TEST_CASE("we read what Python's tarfile writes, and it reads what we write",
          "[exchange][tar][interop]") {
  std::string python = require_tool("python3");
  ScratchDir dir;
  PackageContents contents = test::example_contents();
  auto members = test::example_members(contents);
  test::write_file(dir.file("ours.tar"), archive_of(members));
  std::filesystem::create_directory(dir.file("in"));
  for (const TarMember& m : members)
    test::write_file(dir.file("in/" + std::string(m.name)), m.content);
  // An independent ustar writer and reader: writes python.tar from in/, then lists ours.tar.
  const char* script = R"(
import io, sys, tarfile
folder, out, ours = sys.argv[1:4]
with tarfile.open(out, "w", format=tarfile.USTAR_FORMAT) as t:
    for name in ["LEESMIJ.txt", "manifest.json", "records.json"]:
        data = open(folder + "/" + name, "rb").read()
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = len(data), 0o600, 1795946400
        info.uname = info.gname = "meldkluis"
        t.addfile(info, io.BytesIO(data))
with tarfile.open(ours, "r:") as t:
    for m in t.getmembers():
        data = t.extractfile(m).read()
        assert data == open(folder + "/" + m.name, "rb").read(), m.name
        print(m.name, oct(m.mode), m.size, m.mtime, m.uname, m.type == tarfile.REGTYPE)
)";
  auto r = testing::run_process(
      {python, "-c", script, dir.file("in"), dir.file("python.tar"), dir.file("ours.tar")});
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::string expected;
  for (const TarMember& m : members) {
    expected += std::string(m.name) + " 0o600 " + std::to_string(m.content.size()) +
                " 1795946400 meldkluis True\n";
  }
  CHECK(r.output == expected);
  Bytes python_tar = test::read_file(dir.file("python.tar"));
  auto read = read_tar(python_tar);
  REQUIRE(read);
  REQUIRE(read->size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK((*read)[i].name == members[i].name);
    CHECK(text_of((*read)[i].content) == text_of(members[i].content));
    CHECK((*read)[i].mode == 0600);
    CHECK((*read)[i].mtime == test::kPackageTime);
  }
}

// One member "records.json" of 700 bytes: header at 0, data at 512..1535, end at 1536..2559.
struct Malformed {
  std::string content = std::string(699, 'r') + "\n";
  Bytes archive;
  Malformed() {
    TarMember m{"records.json", as_bytes(content), 0600, test::kPackageTime, "meldkluis"};
    archive = archive_of(std::span(&m, 1));
    REQUIRE(read_tar(archive));  // the control: unaltered, it reads
  }
};

void check_refused(const Bytes& archive, std::string_view why, const TarLimits& limits = {}) {
  auto r = read_tar(archive, limits);
  INFO("expected refusal: " << why);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kInvalidInput);
  CHECK_FALSE(r.status().message().empty());
}

TEST_CASE("tar: a header with a bad checksum is refused", "[exchange][tar][tamper]") {
  Malformed t;
  Bytes a = t.archive;
  a[3] ^= 0x01;  // a letter of the name, checksum left as it was
  check_refused(a, "name changed");
  Bytes b = t.archive;
  b[kHeaderChecksum + 5] ^= 0x01;  // the checksum itself
  check_refused(b, "checksum changed");
  Bytes c = t.archive;
  std::memset(c.data() + kHeaderChecksum, ' ', 8);
  check_refused(c, "checksum blank");
}

TEST_CASE("tar: names that leave the folder are refused", "[exchange][tar][tamper]") {
  for (std::string_view name : {"../x", "../../etc/cron.d/x", "a/../../x", "/etc/passwd", "./x",
                                "a//b", "a/", "..", "a\\..\\..\\x"}) {
    Malformed t;
    set_header_field(t.archive, 0, 0, 100, name);
    check_refused(t.archive, name);
  }
  Malformed prefixed;  // a ustar prefix would make it "/tmp/records.json"
  set_header_field(prefixed.archive, 0, 345, 155, "/tmp");
  check_refused(prefixed.archive, "ustar prefix");
}

TEST_CASE("tar: links, folders and other member types are refused", "[exchange][tar][tamper]") {
  {
    Malformed t;  // a symlink records.json -> /etc/passwd
    t.archive[kHeaderTypeflag] = '2';
    set_header_field(t.archive, 0, kHeaderLinkname, 100, "/etc/passwd");
    check_refused(t.archive, "symlink");
  }
  {
    Malformed t;  // a hard link
    t.archive[kHeaderTypeflag] = '1';
    set_header_field(t.archive, 0, kHeaderLinkname, 100, "manifest.json");
    check_refused(t.archive, "hard link");
  }
  for (char type : {'\0', '3', '4', '5', '6', '7', 'x', 'g', 'L'}) {
    Malformed t;
    t.archive[kHeaderTypeflag] = static_cast<std::uint8_t>(type);
    fix_checksum(t.archive, 0);
    check_refused(t.archive, std::string("type ") + type);
  }
  {
    Malformed t;  // a link name on a regular file
    set_header_field(t.archive, 0, kHeaderLinkname, 100, "elders");
    check_refused(t.archive, "link name");
  }
  {
    Malformed t;  // GNU's own format (magic "ustar  \0")
    set_header_field(t.archive, 0, kHeaderMagic, 8, "ustar  ");
    check_refused(t.archive, "GNU magic");
  }
}

TEST_CASE("tar: a missing or incomplete end marker is refused", "[exchange][tar][tamper]") {
  Malformed t;
  Bytes no_end(t.archive.begin(), t.archive.begin() + 1536);
  check_refused(no_end, "no end blocks");
  Bytes one_end(t.archive.begin(), t.archive.begin() + 2048);
  check_refused(one_end, "one end block");
  Bytes cut(t.archive.begin(), t.archive.begin() + 1000);
  check_refused(cut, "cut inside the data");
  Bytes cut_header(t.archive.begin(), t.archive.begin() + 300);
  check_refused(cut_header, "cut inside the header");
  check_refused(Bytes(), "empty");
  Bytes zero_then_data = t.archive;
  std::memset(zero_then_data.data(), 0, 512);  // the header is now a zero block, data follows
  check_refused(zero_then_data, "a zero block followed by data");
}

TEST_CASE("tar: anything after the end marker but zero padding is refused",
          "[exchange][tar][tamper]") {
  Malformed t;
  Bytes junk_in_record = t.archive;
  junk_in_record[5000] = 'x';
  check_refused(junk_in_record, "a byte in the record padding");
  Bytes junk_after = t.archive;
  junk_after.insert(junk_after.end(), 512, 'x');
  check_refused(junk_after, "a block after the record");
  Bytes zeros_after = t.archive;
  zeros_after.insert(zeros_after.end(), kTarRecordSize, 0);
  check_refused(zeros_after, "a second, zero record");
  Bytes odd = t.archive;
  odd.push_back(0);
  check_refused(odd, "one byte after the record");
  Bytes hidden = t.archive;
  hidden[512 + 700] = 'x';  // in the padding after the member's content
  check_refused(hidden, "data hidden in the member's padding");

  // Every cut is refused until the end marker is whole; after it, cuts at block edges (zero
  // padding shorter than GNU tar writes) still read, other cuts do not.
  for (std::size_t length = 0; length < t.archive.size(); ++length) {
    bool expected = length >= 2560 && length % 512 == 0;
    INFO("cut at " << length);
    CHECK(read_tar(ByteView(t.archive).first(length)).is_ok() == expected);
  }
}

TEST_CASE("tar: members over the limit or past the end are refused", "[exchange][tar][tamper]") {
  Malformed t;
  TarLimits small;
  small.max_member_size = 699;
  check_refused(t.archive, "member over the size limit", small);
  small.max_member_size = 700;
  CHECK(read_tar(t.archive, small));

  Malformed past;  // the header claims 8 GiB - 1
  set_header_field(past.archive, 0, 124, 12, "77777777777");
  check_refused(past.archive, "size 8 GiB");
  Malformed longer;  // the header claims more than the archive holds
  set_header_field(longer.archive, 0, 124, 12, "00000040000");
  check_refused(longer.archive, "size past the end");
  Malformed base256;  // GNU's base-256 size
  base256.archive[124] = 0x80;
  fix_checksum(base256.archive, 0);
  check_refused(base256.archive, "base-256 size");
  for (std::string_view field : {"", "0000000000x", "-0000000001", " 0000001274"}) {
    Malformed m;
    set_header_field(m.archive, 0, 124, 12, field);
    check_refused(m.archive, field);
  }

  std::string x = "x";
  std::vector<std::string> names;
  for (int i = 0; i < 4; ++i)
    names.push_back("lid-" + std::to_string(i) + ".txt");
  std::vector<TarMember> four;
  for (const std::string& n : names)
    four.push_back({n, as_bytes(x), 0600, 0, "meldkluis"});
  Bytes archive = archive_of(four);
  TarLimits three;
  three.max_members = 3;
  check_refused(archive, "four members, three allowed", three);
  three.max_members = 4;
  CHECK(read_tar(archive, three));
}

TEST_CASE("tar: a name used twice is refused when reading", "[exchange][tar][tamper]") {
  std::string x = "x";
  TarMember two[] = {{"a.txt", as_bytes(x), 0600, 0, "meldkluis"},
                     {"b.txt", as_bytes(x), 0600, 0, "meldkluis"}};
  Bytes archive = archive_of(two);
  set_header_field(archive, 1024, 0, 100, "a.txt");  // the second header
  check_refused(archive, "a.txt twice");
}

}  // namespace
}  // namespace mk::exchange
