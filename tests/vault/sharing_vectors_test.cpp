// The test vectors of per-partner pseudonyms (docs/formats/pseudonyms.md) and of the
// package-signing key (docs/formats/keyslots.md), as format_vectors_test.cpp does for the other
// formats: the files in tests/data/vectors/ are recomputed here from fixed inputs through the
// project's code and must match byte for byte; tests/vectors/check_vectors.py checks them
// independently. The root key is that of keyslots.json.
//
// After a deliberate format change (which needs a new version label), regenerate the files with
//   test_vault "[generate-sharing-vectors]"
// and review the diff.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/json.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/hash.hpp"
#include "crypto/subkeys.hpp"
#include "test_vault_fixture.hpp"
#include "vault/file_io.hpp"
#include "vault/key_ring.hpp"
#include "vault/pseudonyms.hpp"
#include "vault/signing_identity.hpp"

namespace mk::vault {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPartnerKeyLabel{"meldkluis/pseudonym/v1\0", 23};
constexpr std::string_view kKeyIdLabel{"meldkluis/minisign-key-id/v1\0", 29};
constexpr std::string_view kCheckSymbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
constexpr const char* kPartners[] = {"shop", "police", "comensha"};
constexpr const char* kPersons[] = {"P-7K3M9Q2X", "P-4DW8RT1N", "P-00000000", "P-ZZZZZZZZ"};

fs::path vectors_dir() {
  return fs::path(MELDKLUIS_TEST_DATA_DIR) / "vectors";
}

json::Value load_vectors(std::string_view name) {
  Result<std::string> file = read_small_file(vectors_dir() / name, 1024 * 1024);
  MK_REQUIRE_OK(file);
  Result<json::Value> parsed = json::parse(*file);
  MK_REQUIRE_OK(parsed);
  return std::move(*parsed);
}

const json::Value& member(const json::Value& v, std::string_view key) {
  const json::Value* m = v.find(key);
  INFO("missing member " << key);
  REQUIRE(m != nullptr);
  return *m;
}

const std::string& text(const json::Value& v, std::string_view key) {
  const json::Value& m = member(v, key);
  REQUIRE(m.is_string());
  return m.as_string();
}

// The root key of keyslots.json: 00 01 02 ... 1f.
crypto::SecretBuffer root_key() {
  crypto::SecretBuffer root(kKeySize);
  for (std::size_t i = 0; i < kKeySize; ++i)
    root.data()[i] = static_cast<std::uint8_t>(i);
  return root;
}

std::string hex_of(const crypto::SecretBuffer& s) {
  return to_hex(s.view());
}

// Typed input a reader must accept, and what it means.
struct Typed {
  const char* description;
  std::string input;
  std::string canonical;
};

std::string lower_without_dashes(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

json::Value pseudonym_vectors() {
  KeyRing ring = KeyRing::from_root(root_key());
  const crypto::SecretBuffer& root = ring.get(KeyName::kPseudonym);

  json::Value partners = json::Value::array();
  std::string example;  // the first code, for the typed examples
  for (const char* partner : kPartners) {
    std::string input(kPartnerKeyLabel);
    input.append(partner);
    crypto::SecretBuffer key = partner_pseudonym_key(root, partner);
    json::Value codes = json::Value::array();
    for (const char* person : kPersons) {
      std::uint64_t value = pseudonym_value(key, person);
      std::string code = format_pseudonym(value);
      if (example.empty()) example = code;
      json::Value c = json::Value::object();
      c.set("person_id", person)
          .set("hash", to_hex(crypto::blind_index(key, as_bytes(person), 256)))
          .set("value", static_cast<std::int64_t>(value))
          .set("check", static_cast<std::int64_t>(value % 37))
          .set("code", code);
      codes.push(std::move(c));
    }
    json::Value p = json::Value::object();
    p.set("partner", partner)
        .set("partner_key_input_hex", to_hex(as_bytes(input)))
        .set("partner_key", hex_of(key))
        .set("codes", std::move(codes));
    partners.push(std::move(p));
  }

  const std::vector<Typed> accepted = {
      {"as written", example, example},
      {"lower case, no dashes", lower_without_dashes(example), example},
      {"spaces for dashes",
       example.substr(0, 4) + " " + example.substr(5, 4) + " " + example.substr(10), example},
      {"O read as 0, I and L as 1", "OOOO-OOI4-U", "0000-0014-U"},
      {"lower case o, l and u", "oooo-ool4-u", "0000-0014-U"},
      {"check symbol 1 typed as l", "0000-0001-l", "0000-0001-1"},
      {"check symbol *", "0000-0010-*", "0000-0010-*"},
  };
  json::Value ok = json::Value::array();
  for (const Typed& t : accepted) {
    Result<std::string> got = normalise_pseudonym(t.input);
    MK_REQUIRE_OK(got);
    REQUIRE(*got == t.canonical);
    json::Value o = json::Value::object();
    o.set("description", t.description).set("input", t.input).set("canonical", t.canonical);
    ok.push(std::move(o));
  }
  std::string typo = example;
  typo[0] = typo[0] == 'Z' ? 'Y' : 'Z';
  std::string swapped = example;
  std::swap(swapped[1], swapped[2]);
  struct Rejected {
    const char* description;
    std::string input;
    const char* reason;  // "shape" or "mistyped"
  };
  std::vector<Rejected> rejected = {
      {"one character changed", typo, "mistyped"},
      {"check symbol changed", "0000-0014-V", "mistyped"},
      {"no check symbol", "0000-0014", "shape"},
      {"U in the data", "U000-0014-U", "shape"},
      {"not a check symbol", "0000-0014-#", "shape"},
      {"one character too many", "0000-0014-U1", "shape"},
  };
  if (swapped != example) rejected.push_back({"two neighbours swapped", swapped, "mistyped"});
  json::Value bad = json::Value::array();
  for (const Rejected& r : rejected) {
    Result<std::string> got = normalise_pseudonym(r.input);
    REQUIRE_FALSE(got.is_ok());
    REQUIRE((got.status().message().rfind("mistyped", 0) == 0) ==
            (std::string_view(r.reason) == "mistyped"));
    json::Value o = json::Value::object();
    o.set("description", r.description).set("input", r.input).set("reason", r.reason);
    bad.push(std::move(o));
  }

  json::Value v = json::Value::object();
  v.set("format", "meldkluis pseudonym v1")
      .set("spec", "docs/formats/pseudonyms.md")
      .set("note",
           "Generated by tests/vault/sharing_vectors_test.cpp from fixed inputs. The pseudonym key "
           "is that of keyslots.json (id 6 under MKvault1).")
      .set("pseudonym_key", hex_of(root))
      .set("check_symbols", kCheckSymbols)
      .set("partners", std::move(partners))
      .set("accepted", std::move(ok))
      .set("rejected", std::move(bad));
  return v;
}

json::Value package_signing_vectors() {
  KeyRing ring = KeyRing::from_root(root_key());
  const crypto::SecretBuffer& seed = ring.get(KeyName::kPackageSigning);
  crypto::SigningPublicKey pk = crypto::SigningKey(seed).public_key();
  Bytes input(kKeyIdLabel.begin(), kKeyIdLabel.end());
  input.insert(input.end(), pk.begin(), pk.end());
  SigningKeyId id = signing_key_id(pk);
  std::string shown;  // as minisign shows a key id: the bytes reversed, upper-case hex
  for (auto it = id.rbegin(); it != id.rend(); ++it) {
    for (char c : to_hex(ByteView(&*it, 1)))
      shown.push_back(c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  json::Value v = json::Value::object();
  v.set("format", "meldkluis package signing key")
      .set("spec", "docs/formats/keyslots.md")
      .set("note",
           "Generated by tests/vault/sharing_vectors_test.cpp from fixed inputs. The root key is "
           "that of keyslots.json.")
      .set("root_key", hex_of(ring.get(KeyName::kRoot)))
      .set("kdf_context", "MKvault1")
      .set("id", static_cast<int>(KeyName::kPackageSigning))
      .set("seed", hex_of(seed))
      .set("public_key", to_hex(pk))
      .set("key_id_input_hex", to_hex(input))
      .set("key_id", to_hex(id))
      .set("key_id_shown", shown);
  return v;
}

void require_file_matches(std::string_view name, const json::Value& expected) {
  Result<std::string> file = read_small_file(vectors_dir() / name, 1024 * 1024);
  MK_REQUIRE_OK(file);
  INFO(name << ": the stored vector differs from what the code computes");
  CHECK(*file == json::serialize(expected, true));
}

std::string read_doc(std::string_view name) {
  Result<std::string> doc = read_small_file(
      fs::path(MELDKLUIS_SOURCE_DIR) / "docs" / "formats" / std::string(name), 1024 * 1024);
  MK_REQUIRE_OK(doc);
  return std::move(*doc);
}

}  // namespace

TEST_CASE("sharing vector files match what the code computes from their fixed inputs",
          "[vectors]") {
  // The root key is keyslots.json's, so the two sets of vectors cannot drift apart.
  CHECK(text(load_vectors("keyslots.json"), "root_key") == hex_of(root_key()));
  require_file_matches("pseudonyms.json", pseudonym_vectors());
  require_file_matches("package_signing.json", package_signing_vectors());
}

// Not run by default: rewrites the vector files from the code.
TEST_CASE("regenerate the sharing vector files", "[.][generate-sharing-vectors]") {
  auto write = [](std::string_view name, const json::Value& v) {
    MK_REQUIRE_OK(replace_file_atomically(vectors_dir() / name, json::serialize(v, true)));
    fs::permissions(vectors_dir() / name, fs::perms::owner_read | fs::perms::owner_write |
                                              fs::perms::group_read | fs::perms::others_read);
  };
  write("pseudonyms.json", pseudonym_vectors());
  write("package_signing.json", package_signing_vectors());
}

TEST_CASE("pseudonym vectors: a vault computes and resolves the documented codes", "[vectors]") {
  // A vault's own root is random, so the vectors' partner keys are checked through the
  // documented derivation from its pseudonym key, and its codes through pseudonym_for.
  test::TestVault tv;
  Vault& v = tv.vault();
  for (const char* partner : kPartners) {
    crypto::SecretBuffer key = partner_pseudonym_key(v.keys().get(KeyName::kPseudonym), partner);
    std::string input(kPartnerKeyLabel);
    input.append(partner);
    CHECK(key.view().size() == 32);
    CHECK(to_hex(key.view()) ==
          to_hex(crypto::blind_index(v.keys().get(KeyName::kPseudonym), as_bytes(input), 256)));
    for (const char* person : kPersons) {
      Result<std::string> code = pseudonym_for(v, partner, person);
      MK_REQUIRE_OK(code);
      CHECK(*code == format_pseudonym(pseudonym_value(key, person)));
    }
  }
  json::Value vectors = load_vectors("pseudonyms.json");
  for (const json::Value& c : member(vectors, "accepted").as_array()) {
    INFO(text(c, "description"));
    Result<std::string> got = normalise_pseudonym(text(c, "input"));
    MK_REQUIRE_OK(got);
    CHECK(*got == text(c, "canonical"));
  }
  for (const json::Value& c : member(vectors, "rejected").as_array()) {
    INFO(text(c, "description"));
    CHECK(test::code_of(normalise_pseudonym(text(c, "input"))) == Code::kInvalidInput);
  }
}

TEST_CASE("the format documents show the sharing vectors as they are", "[vectors]") {
  json::Value pseudonyms = load_vectors("pseudonyms.json");
  std::string doc = read_doc("pseudonyms.md");
  // The table of codes: one row per person, one column per partner, in the vectors' order.
  const json::Array& partners = member(pseudonyms, "partners").as_array();
  for (std::size_t i = 0; i < std::size(kPersons); ++i) {
    std::string row = std::string("| `") + kPersons[i] + "` |";
    for (const json::Value& p : partners) {
      const json::Value& c = member(p, "codes").as_array().at(i);
      REQUIRE(text(c, "person_id") == kPersons[i]);
      row += " `" + text(c, "code") + "` |";
    }
    INFO(row);
    CHECK(doc.find(row) != std::string::npos);
  }
  for (const json::Value& p : partners) {
    INFO(text(p, "partner"));
    CHECK(doc.find(text(p, "partner_key")) != std::string::npos);
  }
  CHECK(doc.find(text(pseudonyms, "pseudonym_key")) != std::string::npos);
  json::Value signing = load_vectors("package_signing.json");
  std::string keyslots = read_doc("keyslots.md");
  CHECK(keyslots.find(text(signing, "public_key")) != std::string::npos);
  CHECK(keyslots.find(text(signing, "key_id")) != std::string::npos);
}

}  // namespace mk::vault
