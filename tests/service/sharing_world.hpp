// What the sharing tests share: a vault on 2026-11-29 with the seven partners of the shipped
// policies/sharing.json registered (each with an age identity made by `partner keygen`, kept in
// the test's temp folder as the partner would keep it), a labour-exploitation case with a victim
// and a suspect, and the real tools a partner uses (age, minisign, tar), which must be installed.
//
// Withheld fields carry canary values: finding one in a decrypted package is a leak.
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/json.hpp"
#include "service/casework.hpp"
#include "service/service_fixture.hpp"
#include "service/sharing.hpp"
#include "support/folder_snapshot.hpp"
#include "support/run_process.hpp"

namespace mk::service::test {

namespace fs = std::filesystem;

// The victim's withheld fields for SHOP (bsn, document_number), as canaries: a BSN that passes the
// 11-proef and a passport number no real document has.
inline constexpr std::string_view kCanaryBsn = "390996038";
inline constexpr std::string_view kCanaryDocument = "KANARIE77";
inline constexpr std::string_view kVictimName = "Ioana Popescu";
inline constexpr std::string_view kVictimBirth = "2001-11-23";
inline constexpr std::string_view kVictimStreet = "Steenvoordelaan 88";
inline constexpr std::string_view kVictimPhone = "+40 723 418 552";
inline constexpr std::string_view kSuspectName = "Piotr Nowak";
inline constexpr std::string_view kSuspectBsn = "948219932";
inline constexpr std::string_view kCanaryNarrative = "KANARIE-VERHAAL bovenwoning Herenstraat";
inline constexpr std::string_view kCanarySummary = "KANARIE-SAMENVATTING kassen Westland";

struct PartnerSpec {
  const char* id;
  const char* kind;
  const char* purpose;
  const char* name;
};

// The seven partners of the shipped sharing.json, with one purpose each.
inline const std::vector<PartnerSpec>& seven_partners() {
  static const std::vector<PartnerSpec> kAll = {
      {"shop", "care_coordination", "care_referral", "Stichting SHOP Den Haag"},
      {"comensha", "registration", "registration", "CoMensha"},
      {"police", "police", "report", "Politie Eenheid Den Haag, AVIM"},
      {"arbeidsinspectie", "labour_inspection", "labour_signal", "Nederlandse Arbeidsinspectie"},
      {"veilig_thuis", "child_protection", "report", "Veilig Thuis Haaglanden"},
      {"zvh", "safety_house", "case_consultation", "Zorg- en Veiligheidshuis Haaglanden"},
      {"riec", "riec", "administrative_approach", "RIEC Haaglanden"},
  };
  return kAll;
}

// `name` in PATH, or a failed test: the interoperability checks need the real tools.
inline std::string require_tool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
    if (!candidate.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  FAIL("`" << name << "` is not installed: the sharing tests run the partner's real tools");
  return {};
}

inline json::Value parse_json_text(const std::string& text) {
  Result<json::Value> v = json::parse(text);
  MK_REQUIRE_OK(v);
  return std::move(*v);
}

class SharingWorld {
 public:
  SharingWorld() : ts_(Date(2026, 11, 29)) {
    for (const PartnerSpec& p : seven_partners()) {
      fs::path key = ts_.temp() / (std::string(p.id) + "-sleutel.txt");
      Result<std::string> recipient = partner_keygen(key, ts_.clock());
      MK_REQUIRE_OK(recipient);
      keys_[p.id] = key;
      vault::Partner partner;
      partner.id = p.id;
      partner.name = p.name;
      partner.kind = p.kind;
      partner.age_recipient = *recipient;
      partner.purposes = {p.purpose};
      MK_REQUIRE_OK(add_partner(s(), partner));
    }
    namespace syn = vault::test::synthetic;
    vault::PersonIdentity victim = syn::identity_of(syn::kIoana);
    victim.set(vault::PersonField::kDocumentNumber, std::string(kCanaryDocument));
    victim_ = must_id(add_person(s(), vault::PersonRole::kVictim, victim));
    suspect_ = must_id(add_person(s(), vault::PersonRole::kSuspect, syn::identity_of(syn::kPiotr)));
    vault::SignalInput in = syn::labour_signal();
    in.received = Date(2026, 10, 28);
    in.narrative = std::string(kCanaryNarrative);
    in.person_ids = {victim_, suspect_};
    signal_ = must_id(register_signal(s(), in));
    vault::CaseInput c;
    c.opened = Date(2026, 11, 2);
    c.summary = std::string(kCanarySummary);
    c.signal_ids = {signal_};
    c.person_ids = {victim_, suspect_};
    case_ = must_id(open_case(s(), c));
  }

  Session& s() { return ts_.s(); }
  TestSession& ts() { return ts_; }
  const fs::path& temp() const { return ts_.temp(); }
  const std::string& victim() const { return victim_; }
  const std::string& suspect() const { return suspect_; }
  const std::string& signal() const { return signal_; }
  const std::string& case_id() const { return case_; }
  // The partner's age identity file.
  const fs::path& key_of(const std::string& partner) const { return keys_.at(partner); }

  // A fresh path in the temp folder.
  fs::path path(const std::string& name) const { return ts_.temp() / name; }

 private:
  static std::string must_id(Result<std::string> r) {
    MK_REQUIRE_OK(r);
    return *r;
  }
  TestSession ts_;
  std::map<std::string, fs::path> keys_;
  std::string victim_, suspect_, signal_, case_;
};

inline ShareTarget case_target(const std::string& id) {
  ShareTarget t;
  t.case_id = id;
  return t;
}

inline ShareTarget person_target(const std::string& id) {
  ShareTarget t;
  t.person_id = id;
  return t;
}

// What `age -d -i KEY FILE` writes: the plaintext archive, as bytes.
inline std::string age_decrypt_tool(const fs::path& key, const fs::path& file,
                                    const fs::path& out) {
  testing::ProcessResult r = testing::run_process(
      {require_tool("age"), "-d", "-i", key.string(), "-o", out.string(), file.string()});
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return testing::read_file_bytes(out);
}

// The three members, extracted by GNU tar from the archive at `tar_file` into a new folder.
inline std::map<std::string, std::string> untar(const fs::path& tar_file, const fs::path& dir) {
  fs::create_directory(dir);
  testing::ProcessResult r = testing::run_process(
      {require_tool("tar"), "-x", "-f", tar_file.string(), "-C", dir.string()});
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> members;
  for (const auto& entry : fs::directory_iterator(dir))
    members[entry.path().filename().string()] = testing::read_file_bytes(entry.path());
  return members;
}

// Exports and opens with the real tools: the members by name.
inline std::map<std::string, std::string> export_and_open(SharingWorld& w,
                                                          const std::string& partner,
                                                          const std::string& purpose,
                                                          const ShareTarget& target,
                                                          const std::string& name) {
  fs::path out = w.path(name + ".age");
  Result<ShareReceipt> receipt = export_share(w.s(), partner, purpose, target, out);
  MK_REQUIRE_OK(receipt);
  fs::path tar = w.path(name + ".tar");
  age_decrypt_tool(w.key_of(partner), out, tar);
  return untar(tar, w.path(name + "-uit"));
}

// The person records of records.json.
inline std::vector<json::Value> persons_in(const std::string& records_text) {
  std::vector<json::Value> out;
  const json::Value records = parse_json_text(records_text);
  for (const json::Value& r : records.as_array()) {
    if (r.find("record")->as_string() == "person") out.push_back(r);
  }
  return out;
}

}  // namespace mk::service::test
