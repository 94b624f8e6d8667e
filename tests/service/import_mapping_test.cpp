// The column mapping of a CSV import is read strictly: every mistake stops the import before a
// row is read, with the file, the place and the reason.
#include "service/import_mapping.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "service/session.hpp"
#include "vault/test_vault_fixture.hpp"

using namespace mk;
using namespace mk::service;
namespace fs = std::filesystem;

namespace {

const policies::IndicatorCatalogue& catalogue() {
  static const Policies kPolicies = [] {
    Result<Policies> p = load_policies(default_policy_dir());
    if (!p) std::abort();
    return std::move(*p);
  }();
  return kPolicies.indicators;
}

// A minimal valid mapping with `fields` (JSON members of the "fields" array after the two
// required ones) and `top` (extra top-level members, each followed by a comma).
std::string mapping_with(const std::string& fields, const std::string& top = "") {
  return "{\n"
         "  \"format\": \"meldkluis-csv-import/1\",\n" +
         top +
         "  \"fields\": [\n"
         "    {\"field\": \"received\", \"column\": \"Datum\"},\n"
         "    {\"field\": \"source_kind\", \"column\": \"Bron\", \"values\": [\n"
         "      {\"value\": \"internal_team\", \"words\": [\"wijkteam\"]}]}" +
         fields +
         "\n  ]\n"
         "}\n";
}

std::string error_of(const std::string& text) {
  Result<ImportMapping> m = parse_import_mapping(text, "map.json", catalogue());
  if (m) return "";
  CHECK(m.status().code() == Code::kInvalidInput);
  return m.status().message();
}

}  // namespace

TEST_CASE("the shipped Dutch mapping loads") {
  Result<ImportMapping> m = load_import_mapping(
      fs::path(MELDKLUIS_SOURCE_DIR) / "policies" / "csv_import_nl.json", catalogue());
  MK_REQUIRE_OK(m);
  CHECK(m->file == "csv_import_nl.json");
  CHECK(m->hash.size() == 64);
  CHECK(m->delimiter == ';');
  CHECK(m->columns.size() == 11);
  CHECK(m->ignored == std::vector<std::string>{"Nr."});
  const ColumnMapping* source = m->find(ImportField::kSourceKind);
  REQUIRE(source);
  CHECK(source->column == "Bron");
  // Words are kept folded: case, accents and punctuation do not matter.
  CHECK(source->words.at("meld misdaad anoniem") == "anonymous");
  CHECK(source->words.at("wijkteam") == "internal_team");
  CHECK(source->words.at("politie") == "partner");
  const ColumnMapping* forms = m->find(ImportField::kForms);
  REQUIRE(forms);
  CHECK(forms->words.at("seksuele uitbuiting") == "sexual");
  CHECK(m->find(ImportField::kMinor)->words.at("onbekend") == "unknown");
  CHECK(m->find(ImportField::kNature) == nullptr);
}

TEST_CASE("a minimal mapping: received and source_kind") {
  Result<ImportMapping> m = parse_import_mapping(mapping_with(""), "map.json", catalogue());
  MK_REQUIRE_OK(m);
  CHECK_FALSE(m->delimiter);
  CHECK(m->columns.size() == 2);
  CHECK(m->find(ImportField::kReceived)->column == "Datum");
  CHECK(m->find(ImportField::kReceived)->words.empty());
}

TEST_CASE("mapping mistakes name file, place and reason") {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {mapping_with("", "  \"version\": 2,\n"),
       "map.json:3:14: unknown key \"version\" in mapping (allowed keys: format, note, "
       "delimiter, fields, ignore_columns)"},
      {"{\"format\": \"meldkluis-csv-import/2\", \"fields\": []}",
       "map.json:1:12: unsupported format version \"meldkluis-csv-import/2\" (this Meldkluis "
       "reads \"meldkluis-csv-import/1\")"},
      {mapping_with("", "  \"delimiter\": \"\\t\",\n"),
       "map.json:3:16: \"delimiter\" of mapping must be \",\" or \";\""},
      {mapping_with(",\n    {\"field\": \"datum_gesloten\", \"column\": \"Gesloten\"}"),
       "map.json:7:15: unknown field \"datum_gesloten\" (known fields: received, source_kind, "
       "source_team, narrative, nature, forms, indicators, minor, scale, severity, status, "
       "outcome, closed, reporter_name)"},
      {mapping_with(",\n    {\"field\": \"received\", \"column\": \"Ontvangen\"}"),
       "map.json:7:15: field \"received\" is mapped twice"},
      {mapping_with(",\n    {\"field\": \"source_team\", \"column\": \"BRON\"}"),
       "map.json:7:40: column \"BRON\" is named twice (first at 5:40)"},
      {mapping_with(
           ",\n    {\"field\": \"closed\", \"column\": \"Gesloten\", \"values\": [{\"value\": "
           "\"x\", \"words\": [\"y\"]}]}"),
       "map.json:7:57: field \"closed\" takes no \"values\" (its cells are dates)"},
      {mapping_with(",\n    {\"field\": \"minor\", \"column\": \"Minderjarig\"}"),
       "map.json:7:5: missing key \"values\" in field \"minor\" (its words must be mapped to: yes, "
       "no, unknown)"},
      {mapping_with(",\n    {\"field\": \"minor\", \"column\": \"Minderjarig\", \"values\": "
                    "[{\"value\": \"ja\", \"words\": [\"ja\"]}]}"),
       "map.json:7:70: value \"ja\" of field \"minor\" must be one of yes, no, unknown"},
      {mapping_with(",\n    {\"field\": \"forms\", \"column\": \"Vorm\", \"values\": "
                    "[{\"value\": \"smuggling\", \"words\": [\"smokkel\"]}]}"),
       "map.json:7:63: value \"smuggling\" of field \"forms\" must be a form code of the indicator "
       "catalogue (meldkluis indicators list)"},
      {mapping_with(",\n    {\"field\": \"indicators\", \"column\": \"Signalen\", \"values\": "
                    "[{\"value\": \"coercion.smuggling\", \"words\": [\"smokkel\"]}]}"),
       "map.json:7:72: value \"coercion.smuggling\" of field \"indicators\" must be an indicator "
       "code of the indicator catalogue (meldkluis indicators list)"},
      {mapping_with(",\n    {\"field\": \"forms\", \"column\": \"Vorm\", \"values\": ["
                    "{\"value\": \"labour\", \"words\": [\"Arbeid\"]}, "
                    "{\"value\": \"other\", \"words\": [\"arbeid!\"]}]}"),
       "map.json:7:124: word \"arbeid!\" of field \"forms\" is listed twice (first at 7:83; words "
       "are compared ignoring case, accents and punctuation)"},
      {mapping_with(",\n    {\"field\": \"forms\", \"column\": \"Vorm\", \"values\": ["
                    "{\"value\": \"labour\", \"words\": [\"arbeid, werk\"]}]}"),
       "map.json:7:83: a word of a list may not hold ',' or ';'"},
      {mapping_with(",\n    {\"field\": \"forms\", \"column\": \"Vorm\", \"values\": ["
                    "{\"value\": \"labour\", \"words\": [\"--\"]}]}"),
       "map.json:7:83: word \"--\" of field \"forms\" has no letters or digits"},
      {mapping_with(",\n    {\"field\": \"narrative\", \"column\": \" Omschrijving\"}"),
       "map.json:7:38: \"column\" of field \"narrative\" must not start or end with white space"},
      {mapping_with("", "  \"ignore_columns\": [\"Datum\"],\n"),
       "map.json:3:22: column \"Datum\" is named twice (first at 5:37)"},
      {"{\"format\": \"meldkluis-csv-import/1\", \"fields\": [{\"field\": \"source_kind\", "
       "\"column\": \"Bron\", \"values\": [{\"value\": \"partner\", \"words\": [\"politie\"]}]}]}",
       "map.json:1:48: missing field \"received\" in \"fields\""},
      {"{\"format\": \"meldkluis-csv-import/1\",}", "map.json:1:36: trailing comma in object"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(error_of(c.text) == c.message);
  }
}

TEST_CASE("a mapping file that is missing or too large") {
  vault::test::TempDir dir;
  Result<ImportMapping> missing = load_import_mapping(dir.path() / "weg.json", catalogue());
  CHECK(missing.status().code() == Code::kNotFound);
  std::string big = mapping_with("", "  \"note\": \"" + std::string(300 * 1024, 'x') + "\",\n");
  {
    std::FILE* f = std::fopen((dir.path() / "groot.json").c_str(), "wb");
    REQUIRE(f);
    std::fwrite(big.data(), 1, big.size(), f);
    std::fclose(f);
  }
  Result<ImportMapping> large = load_import_mapping(dir.path() / "groot.json", catalogue());
  CHECK(large.status().code() == Code::kInvalidInput);
  CHECK(large.status().message() == "groot.json: larger than 262144 bytes");
}
