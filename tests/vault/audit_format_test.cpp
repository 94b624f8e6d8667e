// The worked example of docs/formats/audit-log.md, byte for byte: the export in
// tests/data/audit/example-export/ is what our code writes for those three entries and that key.
// (tests/audit/verify_export.py, written from the document alone, accepts the same folder.)
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tlog/checkpoint.hpp"
#include "tlog/compact_range.hpp"
#include "vault/audit_entry.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::vault;

namespace {

std::filesystem::path example_dir() {
  return std::filesystem::path(MELDKLUIS_TEST_DATA_DIR) / "audit" / "example-export";
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  REQUIRE(f.good());
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

Instant at(int h, int m, int s) {
  using namespace std::chrono;
  return sys_days{year{2026} / 3 / 2} + hours{h} + minutes{m} + seconds{s};
}

std::vector<AuditEntry> example_entries() {
  return {
      {0, at(9, 30, 0), "coordinator", "coordinator", "vault.create", "", "ok", "cli@werkplek-12",
       "", "slots=coordinator,recovery"},
      {1, at(9, 31, 12), "*", "-", "vault.unlock_failed", "", "wrong_passphrase", "cli@werkplek-12",
       "", ""},
      {2, at(9, 32, 40), "coordinator", "coordinator", "person.add", "P-7K3M9Q2X", "ok",
       "cli@werkplek-12", "Melding \"Wijkteam Oost\"", "role=victim fields=name,bsn"},
  };
}

}  // namespace

TEST_CASE("audit-log.md's worked example is what the code writes") {
  std::string jsonl;
  tlog::CompactRange range;
  for (const AuditEntry& e : example_entries()) {
    std::string leaf = encode_audit_entry(e);
    Result<AuditEntry> back = decode_audit_entry(leaf);
    MK_REQUIRE_OK(back);
    CHECK(*back == e);
    jsonl += leaf + "\n";
    range.append(tlog::leaf_hash(as_bytes(leaf)));
  }
  CHECK(slurp(example_dir() / "entries.jsonl") == jsonl);
  CHECK(to_hex(range.root()) == "a37ad1c8dfd1a8e96dd27a0d933476968afd5e27af5a66257b6f1bc20835ecd6");

  Bytes seed;
  for (std::uint8_t i = 0; i < 32; ++i)
    seed.push_back(i);
  crypto::SigningKey key(crypto::SecretBuffer::copy_of(seed));
  const std::string name = "meldkluis/00112233445566778899aabbccddeeff";
  tlog::Checkpoint checkpoint{name, 3, range.root(), {}};
  CHECK(slurp(example_dir() / "checkpoints" / "3.txt") ==
        tlog::sign_checkpoint(checkpoint, name, key));
  CHECK(slurp(example_dir() / "log-key.txt") ==
        tlog::format_verifier_key(tlog::make_verifier_key(name, key.public_key())) + "\n");
}
