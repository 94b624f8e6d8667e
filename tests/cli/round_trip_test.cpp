// The coordinator's day through the real binary: persons, a signal, a case, and finding a person
// again, with --json output checked by parsing it.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"

using namespace mk::cli_test;
using mk::json::Value;

namespace {

const std::string kNarrative =
    "Melding van Wijkteam Oost: in een woning aan de Herenstraat verblijven zes Poolse\n"
    "arbeidsmigranten. Zij werken via een uitzendbureau in de kassen in het Westland, leveren hun\n"
    "paspoort in bij de huisbaas en houden na inhouding van huur en vervoer vrijwel niets over.";

const std::string kVictimJson = R"({
  "name": "Ewa Kowalska",
  "date_of_birth": "1994-03-12",
  "nationality": "Pools",
  "bsn": "111222333",
  "document_number": "EK4839201",
  "address": "Herenstraat 12, 2282 BX Rijswijk",
  "phone": "+48 512 345 678"
})";

bool is_id(const std::string& s, char prefix) {
  return s.size() == 10 && s[0] == prefix && s[1] == '-';
}

}  // namespace

TEST_CASE("cli: round trip init, person add, signal add, case open, find") {
  VaultFixture v;
  std::string victim_fields = v.file("victim.json", kVictimJson);

  // Persons: a victim from a JSON file, a suspect and a reporter from options.
  std::string victim =
      first_line(v.ok({"person", "add", "--role", "victim", "--fields-json", victim_fields}));
  REQUIRE(is_id(victim, 'P'));
  Value suspect_json =
      parse_json(v.ok({"--json", "person", "add", "--role", "suspect", "--name", "Marek Nowak",
                       "--dob", "1979-11-02", "--bsn", "725763863"}));
  std::string suspect = suspect_json.find("id")->as_string();
  REQUIRE(is_id(suspect, 'P'));
  RunOptions stdin_json;
  stdin_json.stdin_text = R"({"name": "Anja van der Berg", "phone": "06-12345678"})";
  std::string reporter =
      first_line(v.ok({"person", "add", "--role", "reporter", "--fields-json", "-"}, stdin_json));
  REQUIRE(is_id(reporter, 'P'));

  // A signal with its narrative on stdin.
  RunOptions narrative;
  narrative.stdin_text = kNarrative;
  RunResult added = v.run({"signal",           "add",
                           "--received",       "2026-02-27",
                           "--source",         "internal_team",
                           "--team",           "Wijkteam Oost",
                           "--reporter",       reporter,
                           "--narrative-file", "-",
                           "--form",           "labour",
                           "--indicator",      "labour.long_hours",
                           "--indicator",      "exploitation.passport_withheld",
                           "--minor",          "no",
                           "--scale",          "multiple",
                           "--severity",       "high",
                           "--person",         victim,
                           "--person",         suspect},
                          narrative);
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  std::string signal = first_line(added.out);
  REQUIRE(is_id(signal, 'S'));
  CHECK(added.out == signal + "\n");  // the id alone on stdout
  CHECK(added.err.find("Melding " + signal + " geregistreerd / Signal registered") !=
        std::string::npos);

  Value shown = parse_json(v.ok({"--json", "signal", "show", signal}));
  CHECK(shown.find("narrative")->as_string() == kNarrative);
  CHECK(shown.find("status")->as_string() == "new");
  CHECK(shown.find("source_team")->as_string() == "Wijkteam Oost");
  CHECK(shown.find("indicators")->as_array().size() == 2);
  CHECK(shown.find("person_ids")->as_array().size() == 2);
  std::string human = v.ok({"signal", "show", signal});
  CHECK(human.find("Ontvangen / Received") != std::string::npos);
  CHECK(human.find("2026-02-27") != std::string::npos);
  CHECK(human.find("paspoort in bij de huisbaas") != std::string::npos);

  // Update and list.
  v.ok({"signal", "update", signal, "--status", "in_assessment", "--indicator", "labour.long_hours",
        "--indicator", "labour.underpaid"});
  Value listed = parse_json(v.ok({"--json", "signal", "list", "--status", "in_assessment"}));
  REQUIRE(listed.as_array().size() == 1);
  CHECK(listed.as_array()[0].find("id")->as_string() == signal);
  CHECK(parse_json(v.ok({"--json", "signal", "list", "--from", "2026-03-01"})).as_array().empty());
  CHECK(v.ok({"signal", "list"}).find(signal) != std::string::npos);

  // A case from the signal and its persons.
  RunOptions summary;
  summary.stdin_text = "Casus arbeidsuitbuiting Westland; afstemming met AVIM en Arbeidsinspectie.";
  std::string kase = first_line(v.ok({"case", "open", "--opened", "2026-03-02", "--signal", signal,
                                      "--person", victim, "--summary-file", "-"},
                                     summary));
  REQUIRE(is_id(kase, 'C'));
  Value c = parse_json(v.ok({"--json", "case", "show", kase}));
  CHECK(c.find("status")->as_string() == "active");
  CHECK(c.find("opened")->as_string() == "2026-03-02");
  CHECK(c.find("summary_text")->as_string() == summary.stdin_text);
  v.ok({"case", "link", kase, "--person", suspect});
  Value cases = parse_json(v.ok({"--json", "case", "list"}));
  REQUIRE(cases.as_array().size() == 1);
  CHECK(cases.as_array()[0].find("person_ids")->as_array().size() == 2);

  // Find the victim again, three ways.
  Value by_name = parse_json(
      v.ok({"--json", "person", "find", "--name", "kowalska ewa", "--dob", "1994-03-12"}));
  REQUIRE(by_name.as_array().size() == 1);
  CHECK(by_name.as_array()[0].find("id")->as_string() == victim);
  CHECK(by_name.as_array()[0].find("identity")->find("address")->as_string() ==
        "Herenstraat 12, 2282 BX Rijswijk");
  Value by_bsn = parse_json(v.ok({"--json", "person", "find", "--bsn", "111222333"}));
  REQUIRE(by_bsn.as_array().size() == 1);
  CHECK(by_bsn.as_array()[0].find("id")->as_string() == victim);
  RunOptions query;
  query.stdin_text = R"({"document_number": "EK4839201"})";
  Value by_doc = parse_json(v.ok({"--json", "person", "find", "--fields-json", "-"}, query));
  REQUIRE(by_doc.as_array().size() == 1);
  CHECK(parse_json(v.ok({"--json", "person", "find", "--bsn", "162275869"})).as_array().empty());
  CHECK(v.ok({"person", "find", "--bsn", "111222333"}).find("Ewa Kowalska") != std::string::npos);

  // Person show and list; update clears and sets fields.
  Value p = parse_json(v.ok({"--json", "person", "show", victim}));
  CHECK(p.find("role")->as_string() == "victim");
  CHECK(p.find("identity")->find("name")->as_string() == "Ewa Kowalska");
  v.ok({"person", "update", victim, "--clear", "phone", "--address",
        "Generaal Spoorlaan 43, 2285 TN Rijswijk"});
  p = parse_json(v.ok({"--json", "person", "show", victim}));
  CHECK(p.find("identity")->find("phone") == nullptr);
  CHECK(p.find("identity")->find("address")->as_string() ==
        "Generaal Spoorlaan 43, 2285 TN Rijswijk");
  Value persons = parse_json(v.ok({"--json", "person", "list"}));
  CHECK(persons.as_array().size() == 3);
  std::string person_table = v.ok({"person", "list"});
  CHECK(person_table.find("Ewa") == std::string::npos);  // no identities in the list

  // Close the signal and the case, with past dates.
  v.ok({"signal", "close", signal, "--outcome", "case_opened", "--date", "2026-03-02"});
  Value closed = parse_json(v.ok({"--json", "signal", "show", signal}));
  CHECK(closed.find("status")->as_string() == "closed");
  CHECK(closed.find("outcome")->as_string() == "case_opened");
  RunOptions note;
  note.stdin_text = "Doorverwezen naar CoMensha en AVIM.";
  Value case_closed = parse_json(v.ok(
      {"--json", "case", "close", kase, "--date", "2026-03-20", "--referred", "--note-file", "-"},
      note));
  CHECK(case_closed.find("result")->as_string() == "closed");
  c = parse_json(v.ok({"--json", "case", "show", kase}));
  CHECK(c.find("status")->as_string() == "closed_referred");
  CHECK(c.find("closed")->as_string() == "2026-03-20");
  CHECK(c.find("closure_note")->as_string() == note.stdin_text);
}

TEST_CASE("cli: a legacy signal from 2019 is ordinary input") {
  VaultFixture v;
  std::string narrative = v.file("melding.txt", "Melding bewoner over bordeelachtige situatie.");
  std::string id =
      first_line(v.ok({"signal", "add", "--received", "2019-05-14", "--source", "anonymous",
                       "--narrative-file", narrative, "--form", "sexual"}));
  v.ok({"signal", "close", id, "--outcome", "insufficient_information", "--date", "2019-06-01"});
  Value s = parse_json(v.ok({"--json", "signal", "show", id}));
  CHECK(s.find("received")->as_string() == "2019-05-14");
  CHECK(s.find("closed")->as_string() == "2019-06-01");
}

TEST_CASE("cli: indicators list, human and JSON, needs no vault") {
  RunResult r = run_cli({"indicators", "list"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Signalen van dwang / Signs of coercion") != std::string::npos);
  CHECK(r.out.find("coercion.violence") != std::string::npos);
  RunResult j = run_cli({"indicators", "list", "--json"});
  REQUIRE(j.exit_code == 0);
  Value v = parse_json(j.out);
  CHECK(v.find("forms")->as_array().size() == 5);
  const Value& first_group = v.find("groups")->as_array().at(0);
  CHECK(first_group.find("code")->as_string() == "coercion");
  CHECK(!first_group.find("indicators")->as_array().empty());
  CHECK(v.find("version")->as_string().size() == 64);
}

TEST_CASE("cli: keyslot list --json and the recovery key opens the vault") {
  VaultFixture v;
  Value slots = parse_json(v.ok({"--json", "keyslot", "list"}));
  REQUIRE(slots.as_array().size() == 2);
  CHECK(slots.as_array()[0].find("name")->as_string() == "coordinator");
  CHECK(slots.as_array()[1].find("role")->as_string() == "recovery");
  CHECK(v.ok({"keyslot", "list"}).find("NAAM/NAME") != std::string::npos);

  std::string key_file = v.file("key-typed", v.recovery_key() + "\n");
  RunResult r = run_cli({"--vault", v.dir().string(), "--passphrase-file", key_file, "--slot",
                         "recovery", "signal", "list", "--json"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(parse_json(r.out).as_array().empty());
}
