// The partner's side without a vault (package open|verify): the same members the real tools
// extract, and the same verdicts as minisign on good and altered files.
#include "service/package_tools.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "service/sharing_world.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;

TEST_CASE("package open and verify agree with age, tar and minisign", "[sharing][package_tools]") {
  SharingWorld w;
  fs::path out = w.path("pakket.age");
  MK_REQUIRE_OK(export_share(w.s(), "police", "report", case_target(w.case_id()), out));
  fs::path pub = w.path("gemeente.pub");
  MK_REQUIRE_OK(export_signing_key(w.s(), pub));
  w.ts().close();  // no vault from here on

  Result<VerifiedPackage> v = verify_package_file(out, pub, std::nullopt);
  MK_REQUIRE_OK(v);
  CHECK(v->signed_name == "pakket.age");
  CHECK(v->name_matches);
  CHECK(v->timestamp == 1795946400);
  CHECK(v->key_id.size() == 16);

  Result<OpenedPackage> opened = open_package_file(out, w.key_of("police"), w.path("open"));
  MK_REQUIRE_OK(opened);
  CHECK(opened->partner == "police");
  CHECK(opened->purpose == "report");
  CHECK(opened->format == "meldkluis-package/1");
  CHECK(opened->record_count == 4);
  struct stat st {};
  REQUIRE(::stat(w.path("open").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  age_decrypt_tool(w.key_of("police"), out, w.path("p.tar"));
  std::map<std::string, std::string> by_tools = untar(w.path("p.tar"), w.path("tools"));
  REQUIRE(by_tools.size() == 3);
  for (const auto& [name, bytes] : by_tools) {
    INFO(name);
    CHECK(testing::read_file_bytes(w.path("open") / name) == bytes);
  }

  // The folder must be new; another partner's key does not open it.
  CHECK(open_package_file(out, w.key_of("police"), w.path("open")).status().code() ==
        Code::kConflict);
  CHECK(open_package_file(out, w.key_of("shop"), w.path("shop")).status().code() ==
        Code::kWrongPassphrase);
  CHECK_FALSE(fs::exists(w.path("shop")));

  // One changed byte: both refuse, as minisign and age do.
  std::string file = testing::read_file_bytes(out);
  fs::path bad = w.path("pakket-kapot.age");
  file[file.size() / 2] = static_cast<char>(file[file.size() / 2] ^ 0x01);
  testing::write_file_bytes(bad, file);
  fs::path sig = w.path("pakket.age.minisig");
  CHECK(verify_package_file(bad, pub, sig).status().code() == Code::kInvalidInput);
  CHECK(open_package_file(bad, w.key_of("police"), w.path("kapot")).status().code() ==
        Code::kInvalidInput);
  CHECK_FALSE(fs::exists(w.path("kapot")));
  CHECK(testing::run_process(
            {require_tool("minisign"), "-Vm", bad.string(), "-x", sig.string(), "-p", pub.string()})
            .exit_code != 0);
  // Renamed, it still verifies, and says so.
  fs::copy_file(out, w.path("hernoemd.age"));
  Result<VerifiedPackage> renamed = verify_package_file(w.path("hernoemd.age"), pub, sig);
  MK_REQUIRE_OK(renamed);
  CHECK_FALSE(renamed->name_matches);
  // Missing files.
  CHECK(verify_package_file(w.path("weg.age"), pub, sig).status().code() == Code::kNotFound);
  CHECK(open_package_file(out, w.path("weg.txt"), w.path("x")).status().code() == Code::kNotFound);
}
