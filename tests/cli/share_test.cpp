// Sharing with partners through the real binary: partner keygen and add, share preview and export,
// signing-key export, the partner's checks with the real minisign, age and tar (and with
// `package verify|open`), pseudonym resolve, the disclosure register for the compliance slot,
// consents, restriction, an invalid policy (exit 8), refusals (exit 9), the compliance slot (exit
// 10), and routing suggestions in signal show and case show.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "cli_harness.hpp"
#include "support/run_process.hpp"

using namespace mk::cli_test;
using mk::json::Value;
namespace fs = std::filesystem;

namespace {

const std::string kVictimName = "Ewa Kowalska";
const std::string kVictimBsn = "111222333";
const std::string kVictimDocument = "EK4839201";
const std::string kSuspectName = "Marek Zieliński";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A partner key made by `partner keygen`; returns the recipient.
std::string keygen(VaultFixture& v, const fs::path& key) {
  RunResult r = run_cli({"partner", "keygen", "--out", key.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string recipient = first_line(r.out);
  REQUIRE(recipient.rfind("age1", 0) == 0);
  (void)v;
  return recipient;
}

void add_partner(VaultFixture& v, const std::string& id, const std::string& kind,
                 const std::string& purpose, const std::string& recipient) {
  v.ok({"partner", "add", id, "--name", "Partner " + id, "--kind", kind, "--recipient", recipient,
        "--purpose", purpose});
}

struct Casework {
  std::string victim, suspect, signal, kase;
};

Casework casework(VaultFixture& v) {
  Casework c;
  c.victim = first_line(
      v.ok({"person", "add", "--role", "victim", "--name", kVictimName, "--dob", "1994-03-12",
            "--nationality", "Poolse", "--bsn", kVictimBsn, "--document", kVictimDocument,
            "--address", "Herenstraat 12, 2282 BX Rijswijk", "--phone", "+48 512 345 678"}));
  c.suspect = first_line(
      v.ok({"person", "add", "--role", "suspect", "--name", kSuspectName, "--dob", "1981-08-02"}));
  std::string narrative = v.file("verhaal.txt", "Wijkteam Oost: zes mannen in een bovenwoning.");
  c.signal = first_line(v.ok({"signal", "add", "--received", "2025-10-28", "--source",
                              "internal_team", "--narrative-file", narrative, "--form", "labour",
                              "--indicator", "exploitation.earnings_surrendered", "--minor", "no",
                              "--person", c.victim, "--person", c.suspect}));
  c.kase = first_line(v.ok({"case", "open", "--opened", "2025-11-02", "--signal", c.signal,
                            "--person", c.victim, "--person", c.suspect}));
  return c;
}

mk::testing::ProcessResult tool(const std::vector<std::string>& argv) {
  mk::testing::ProcessResult r = mk::testing::run_process(argv);
  INFO(argv[0] << ": " << r.output);
  return r;
}

struct Partner {
  const char* id;
  const char* kind;
  const char* purpose;
};
const std::vector<Partner> kSeven = {
    {"shop", "care_coordination", "care_referral"},
    {"comensha", "registration", "registration"},
    {"police", "police", "report"},
    {"arbeidsinspectie", "labour_inspection", "labour_signal"},
    {"veilig_thuis", "child_protection", "report"},
    {"zvh", "safety_house", "case_consultation"},
    {"riec", "riec", "administrative_approach"},
};

}  // namespace

TEST_CASE("cli share: export, verify and open with the real tools, resolve, register") {
  VaultFixture v;
  fs::path key = v.temp() / "shop-sleutel.txt";
  std::string recipient = keygen(v, key);
  struct stat st {};
  REQUIRE(::stat(key.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(read_file(key).rfind("# created: ", 0) == 0);
  CHECK(run_cli({"partner", "keygen", "--out", key.string()}).exit_code == 11);

  // Registration follows sharing.json and takes only a valid age key.
  CHECK(v.run({"partner", "add", "politie", "--name", "P", "--kind", "police", "--recipient",
               recipient, "--purpose", "report"})
            .exit_code == 3);
  CHECK(v.run({"partner", "add", "shop", "--name", "SHOP", "--kind", "police", "--recipient",
               recipient, "--purpose", "care_referral"})
            .exit_code == 3);
  std::string broken = recipient;
  broken.back() = broken.back() == 'q' ? 'p' : 'q';
  CHECK(v.run({"partner", "add", "shop", "--name", "SHOP", "--kind", "care_coordination",
               "--recipient", broken, "--purpose", "care_referral"})
            .exit_code == 3);
  CHECK(v.run({"partner", "add", "shop", "--name", "SHOP", "--kind", "care_coordination",
               "--recipient", recipient})
            .exit_code == 2);
  add_partner(v, "shop", "care_coordination", "care_referral", recipient);
  Value partners = parse_json(v.ok({"--json", "partner", "list"}));
  REQUIRE(partners.as_array().size() == 1);
  CHECK(partners.as_array()[0].find("age_recipient")->as_string() == recipient);
  CHECK(contains(v.ok({"partner", "show", "shop"}), recipient));

  Casework c = casework(v);
  std::string preview = v.ok(
      {"share", "preview", "--partner", "shop", "--purpose", "care_referral", "--case", c.kase});
  CHECK(contains(preview, "achtergehouden / withheld"));
  CHECK(contains(preview, "role suspect is not shared for shop/care_referral"));
  CHECK_FALSE(contains(preview, kVictimName));  // a preview shows fates, not values
  Value pj = parse_json(v.ok({"--json", "share", "preview", "--partner", "shop", "--purpose",
                              "care_referral", "--case", c.kase}));
  CHECK(pj.find("record_count")->as_integer() == 3);
  CHECK(v.run({"share", "preview", "--partner", "shop", "--purpose", "care_referral"}).exit_code ==
        2);

  fs::path out = v.temp() / "pakket-shop.age";
  RunResult exported = v.run({"share", "export", "--partner", "shop", "--purpose", "care_referral",
                              "--case", c.kase, "--out", out.string()});
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  std::smatch id;
  REQUIRE(std::regex_search(exported.out, id, std::regex("D-[0-9A-Z]{8}")));
  std::smatch sha;
  REQUIRE(std::regex_search(exported.out, sha, std::regex("[0-9a-f]{64}")));
  CHECK(contains(exported.out, out.string()));
  CHECK(contains(exported.out, out.string() + ".minisig"));
  CHECK(v.run({"share", "export", "--partner", "shop", "--purpose", "care_referral", "--case",
               c.kase, "--out", out.string()})
            .exit_code == 11);

  fs::path pub = v.temp() / "gemeente.pub";
  v.ok({"signing-key", "export", "--out", pub.string()});
  CHECK(tool({"minisign", "-Vm", out.string(), "-p", pub.string()}).exit_code == 0);
  fs::path tar = v.temp() / "pakket.tar";
  REQUIRE(tool({"age", "-d", "-i", key.string(), "-o", tar.string(), out.string()}).exit_code == 0);
  std::string plain = read_file(tar);
  CHECK(contains(plain, kVictimName));
  CHECK_FALSE(contains(plain, kVictimBsn));
  CHECK_FALSE(contains(plain, kVictimDocument));
  CHECK_FALSE(contains(plain, kSuspectName));
  mk::testing::ProcessResult listing = tool({"tar", "-tf", tar.string()});
  CHECK(listing.output == "LEESMIJ.txt\nmanifest.json\nrecords.json\n");

  // Our own tools, without a vault, say the same.
  CHECK(run_cli({"package", "verify", out.string(), "--signer", pub.string()}).exit_code == 0);
  fs::path dir = v.temp() / "geopend";
  RunResult opened = run_cli({"--json", "package", "open", out.string(), "--identity", key.string(),
                              "--out", dir.string()});
  INFO(opened.err);
  REQUIRE(opened.exit_code == 0);
  CHECK(parse_json(opened.out).find("record_count")->as_integer() == 3);
  Value records = parse_json(read_file(dir / "records.json"));
  std::string code;
  for (const Value& r : records.as_array()) {
    if (r.find("record")->as_string() == "person") code = r.find("pseudonym")->as_string();
  }
  REQUIRE(code.size() == 11);
  fs::path copy = v.temp() / "kopie.age";
  std::string bytes = read_file(out);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  write_file(copy, bytes);
  CHECK(run_cli({"package", "verify", copy.string(), "--signer", pub.string(), "--signature",
                 out.string() + ".minisig"})
            .exit_code == 3);
  CHECK(
      tool({"minisign", "-Vm", copy.string(), "-x", out.string() + ".minisig", "-p", pub.string()})
          .exit_code != 0);
  CHECK(run_cli({"package", "open", copy.string(), "--identity", key.string(), "--out",
                 (v.temp() / "kapot").string()})
            .exit_code == 3);

  // The partner quotes the pseudonym; the vault resolves it.
  CHECK(first_line(v.ok({"pseudonym", "resolve", "--partner", "shop", code})) == c.victim);

  Value reg = parse_json(v.ok({"--json", "disclosures", "list"}));
  REQUIRE(reg.as_array().size() == 1);
  const Value& d = reg.as_array()[0];
  CHECK(d.find("id")->as_string() == id.str());
  CHECK(d.find("package_sha256")->as_string() == sha.str());
  CHECK(d.find("partner")->as_string() == "shop");
  CHECK(d.find("record_count")->as_integer() == 3);
}

TEST_CASE(
    "cli share: CoMensha without consent exit 9 with the reason; with consent 0; withdrawn 9") {
  VaultFixture v;
  std::string recipient = keygen(v, v.temp() / "comensha.txt");
  add_partner(v, "comensha", "registration", "registration", recipient);
  Casework c = casework(v);
  auto share = [&](const std::string& name) {
    return v.run({"share", "export", "--partner", "comensha", "--purpose", "registration",
                  "--person", c.victim, "--out", (v.temp() / name).string()});
  };
  RunResult refused = share("a.age");
  CHECK(refused.exit_code == 9);
  CHECK(contains(refused.err, "no consent recorded for comensha/registration"));
  CHECK(refused.out.empty());
  CHECK_FALSE(fs::exists(v.temp() / "a.age"));

  CHECK(v.run({"consent", "add", c.victim, "--partner", "comensha", "--purpose", "registration",
               "--signer", "ouder", "--date", "2025-11-20"})
            .exit_code == 3);
  CHECK(v.run({"consent", "add", c.victim, "--partner", "comensha", "--purpose", "aangifte",
               "--signer", "self", "--date", "2025-11-20"})
            .exit_code == 3);
  std::string consent =
      first_line(v.ok({"consent", "add", c.victim, "--partner", "comensha", "--purpose",
                       "registration", "--signer", "self", "--date", "2025-11-20"}));
  CHECK(consent.rfind("CN-", 0) == 0);
  CHECK(share("b.age").exit_code == 0);
  CHECK(fs::exists(v.temp() / "b.age"));

  v.ok({"consent", "withdraw", consent, "--date", "2025-11-25"});
  Value listed = parse_json(v.ok({"--json", "consent", "list", c.victim}));
  REQUIRE(listed.as_array().size() == 1);
  CHECK(listed.as_array()[0].find("withdrawn")->as_string() == "2025-11-25");
  CHECK_FALSE(listed.as_array()[0].find("in_force")->as_bool());
  RunResult again = share("c.age");
  CHECK(again.exit_code == 9);
  CHECK(contains(again.err, "consent withdrawn on 2025-11-25"));
  CHECK_FALSE(fs::exists(v.temp() / "c.age"));
}

TEST_CASE("cli share: a restricted person goes to none of the seven partners (exit 9)") {
  VaultFixture v;
  std::string recipient = keygen(v, v.temp() / "sleutel.txt");
  for (const Partner& p : kSeven)
    add_partner(v, p.id, p.kind, p.purpose, recipient);
  Casework c = casework(v);
  v.ok({"consent", "add", c.victim, "--partner", "comensha", "--purpose", "registration",
        "--signer", "self", "--date", "2025-11-20"});
  v.ok({"person", "restrict", c.victim});
  for (const Partner& p : kSeven) {
    INFO(p.id);
    fs::path out = v.temp() / (std::string(p.id) + ".age");
    RunResult r = v.run({"share", "export", "--partner", p.id, "--purpose", p.purpose, "--person",
                         c.victim, "--out", out.string()});
    CHECK(r.exit_code == 9);
    CHECK(contains(r.err, "restricted (AVG art. 18)"));
    CHECK_FALSE(fs::exists(out));
  }
  CHECK(parse_json(v.ok({"--json", "disclosures", "list"})).as_array().empty());
  v.ok({"person", "unrestrict", c.victim});
  CHECK(v.run({"share", "export", "--partner", "police", "--purpose", "report", "--person",
               c.victim, "--out", (v.temp() / "na.age").string()})
            .exit_code == 0);
}

TEST_CASE("cli share: an invalid sharing.json is exit 8 with file:line:col") {
  VaultFixture v;
  std::string recipient = keygen(v, v.temp() / "sleutel.txt");
  add_partner(v, "police", "police", "report", recipient);
  Casework c = casework(v);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\"kind\": \"riec\"", "\"kind\": \"ondermijning\""},
           {"\"withhold\": [\"bsn\"]", "\"withhold\": [\"burgerservicenummer\"]"},
           {"\"role\": \"victim\"", "\"role\": \"slachtoffer\""}}) {
    INFO(to);
    fs::path policies = v.temp() / "policies";
    fs::remove_all(policies);
    fs::copy(MELDKLUIS_SOURCE_DIR "/policies", policies, fs::copy_options::recursive);
    std::string text = read_file(policies / "sharing.json");
    std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_file(policies / "sharing.json", text);
    std::size_t line =
        1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
    const std::regex place("sharing\\.json:" + std::to_string(line) + ":[0-9]+: ");
    Snapshot before = snapshot(v.dir());
    for (std::string verb : {"preview", "export"}) {
      std::vector<std::string> args = {
          "--policy-dir", policies.string(), "share",  verb,     "--partner",
          "police",       "--purpose",       "report", "--case", c.kase};
      if (verb == "export") {
        args.push_back("--out");
        args.push_back((v.temp() / "p.age").string());
      }
      RunResult r = v.run(args);
      CHECK(r.exit_code == 8);
      CHECK(std::regex_search(r.err, place));
      CHECK(r.out.empty());
    }
    CHECK_FALSE(fs::exists(v.temp() / "p.age"));
    CHECK(snapshot(v.dir()) == before);
    // signal show still shows the signal, then says why there are no suggestions.
    RunResult shown = v.run({"--policy-dir", policies.string(), "signal", "show", c.signal});
    CHECK(shown.exit_code == 8);
    CHECK(contains(shown.out, c.signal));
    CHECK(std::regex_search(shown.err, place));
  }
}

TEST_CASE("cli share: the compliance slot lists disclosures; export and signing key are exit 10") {
  VaultFixture v;
  std::string recipient = keygen(v, v.temp() / "sleutel.txt");
  add_partner(v, "police", "police", "report", recipient);
  Casework c = casework(v);
  v.ok({"share", "export", "--partner", "police", "--purpose", "report", "--case", c.kase, "--out",
        (v.temp() / "p.age").string()});
  std::string fg_pass = v.file("fg-pass", "Privacy officer Rijswijk 7\n");
  v.ok({"keyslot", "add", "fg", "--role", "compliance", "--new-passphrase-file", fg_pass,
        "--kdf-ms", "1"});
  auto as_fg = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--vault", v.dir().string(), "--passphrase-file",
                                     fg_pass,   "--slot",         "fg"};
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  };
  RunResult listed = as_fg({"--json", "disclosures", "list"});
  INFO(listed.err);
  REQUIRE(listed.exit_code == 0);
  CHECK(parse_json(listed.out).as_array().size() == 1);
  CHECK(contains(as_fg({"disclosures", "list"}).out, "police/report"));
  RunResult exported = as_fg({"share", "export", "--partner", "police", "--purpose", "report",
                              "--case", c.kase, "--out", (v.temp() / "fg.age").string()});
  CHECK(exported.exit_code == 10);
  CHECK_FALSE(fs::exists(v.temp() / "fg.age"));
  CHECK(as_fg({"signing-key", "export", "--out", (v.temp() / "fg.pub").string()}).exit_code == 10);
  CHECK_FALSE(fs::exists(v.temp() / "fg.pub"));
  CHECK(as_fg({"share", "preview", "--partner", "police", "--purpose", "report", "--case", c.kase})
            .exit_code == 10);
  // Routing suggestions are metadata: the compliance slot sees them.
  Value shown = parse_json(as_fg({"--json", "case", "show", c.kase}).out);
  CHECK(shown.find("routing")->as_array().size() == 3);
}

TEST_CASE("cli: signal show and case show print routing suggestions with the reason") {
  VaultFixture v;
  Casework c = casework(v);
  std::string text = v.ok({"signal", "show", c.signal});
  CHECK(contains(text, "Doorverwijzen (suggesties) / Routing (suggestions):"));
  CHECK(contains(text, "arbeidsinspectie/labour_signal  [labour.arbeidsinspectie]"));
  CHECK(contains(text, "riec/administrative_approach"));
  Value signal = parse_json(v.ok({"--json", "signal", "show", c.signal}));
  const Value* routing = signal.find("routing");
  REQUIRE(routing != nullptr);
  std::vector<std::string> targets;
  for (const Value& s : routing->as_array()) {
    targets.push_back(s.find("partner")->as_string() + "/" + s.find("purpose")->as_string());
    CHECK_FALSE(s.find("reason_nl")->as_string().empty());
    CHECK_FALSE(s.find("reason_en")->as_string().empty());
    CHECK_FALSE(s.find("reference")->as_string().empty());
  }
  CHECK(targets == std::vector<std::string>{"arbeidsinspectie/labour_signal", "shop/care_referral",
                                            "riec/administrative_approach"});
  Value kase = parse_json(v.ok({"--json", "case", "show", c.kase}));
  CHECK(kase.find("routing")->as_array().size() == 3);
  CHECK(contains(v.ok({"case", "show", c.kase}), "shop/care_referral"));
}

TEST_CASE("cli: the sharing commands have --help and need no vault for it") {
  for (const std::vector<std::string>& command :
       std::vector<std::vector<std::string>>{{"partner", "add"},
                                             {"partner", "list"},
                                             {"partner", "show"},
                                             {"partner", "remove"},
                                             {"partner", "keygen"},
                                             {"consent", "add"},
                                             {"consent", "withdraw"},
                                             {"consent", "list"},
                                             {"share", "preview"},
                                             {"share", "export"},
                                             {"disclosures", "list"},
                                             {"pseudonym", "resolve"},
                                             {"signing-key", "export"},
                                             {"package", "open"},
                                             {"package", "verify"}}) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    RunResult r = run_cli(args);
    INFO(command[0] << " " << command[1]);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "Usage: meldkluis " + command[0] + " " + command[1]));
  }
}
