// The strict CSV reader: what Excel and LibreOffice write reads back exactly; everything malformed
// is refused with row, column and line, and never with the text of a field.
#include "base/csv.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using mk::Code;
using mk::Result;
namespace csv = mk::csv;

namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows fields_of(const csv::Table& t) {
  Rows out;
  for (const csv::Record& r : t.records)
    out.push_back(r.fields);
  return out;
}

// The message of a refused parse ("" when it parsed).
std::string error_of(std::string_view text, const csv::Options& options = {}) {
  Result<csv::Table> t = csv::parse(text, options);
  if (t) return "";
  CHECK(t.status().code() == Code::kInvalidInput);
  return t.status().message();
}

}  // namespace

TEST_CASE("csv: comma-separated records with CRLF or LF, final line break optional", "[csv]") {
  for (std::string text :
       {"Naam,Plaats\r\nJan,Rijswijk\r\nPiet,Delft\r\n", "Naam,Plaats\nJan,Rijswijk\nPiet,Delft\n",
        "Naam,Plaats\nJan,Rijswijk\nPiet,Delft"}) {
    Result<csv::Table> t = csv::parse(text);
    REQUIRE(t);
    CHECK(t->delimiter == ',');
    CHECK(fields_of(*t) == Rows{{"Naam", "Plaats"}, {"Jan", "Rijswijk"}, {"Piet", "Delft"}});
    CHECK(t->records[2].row == 3);
    CHECK(t->records[2].line == 3);
  }
}

TEST_CASE("csv: Dutch Excel's semicolons, a byte order mark, quoted line breaks", "[csv]") {
  std::string text =
      "\xEF\xBB\xBF"
      "Datum melding;Omschrijving;Bron\r\n"
      "12-03-2021;\"Buurvrouw ziet 's nachts busjes;\r\nmannen slapen in de schuur\";wijkteam\r\n"
      "01-04-2021;\"Zegt \"\"schuld\"\" af te betalen\";politie\r\n";
  Result<csv::Table> t = csv::parse(text);
  REQUIRE(t);
  CHECK(t->delimiter == ';');
  CHECK(fields_of(*t) ==
        Rows{{"Datum melding", "Omschrijving", "Bron"},
             {"12-03-2021", "Buurvrouw ziet 's nachts busjes;\r\nmannen slapen in de schuur",
              "wijkteam"},
             {"01-04-2021", "Zegt \"schuld\" af te betalen", "politie"}});
  // Row 3 of the sheet starts on line 4 of the file: row 2 spans two lines.
  CHECK(t->records[2].row == 3);
  CHECK(t->records[2].line == 4);
}

TEST_CASE("csv: empty fields, quoted empty fields and UTF-8 text", "[csv]") {
  Result<csv::Table> t = csv::parse("a,b,c\n,\"\",Ångström – Łódź\n");
  REQUIRE(t);
  CHECK(fields_of(*t) == Rows{{"a", "b", "c"}, {"", "", "Ångström – Łódź"}});
}

TEST_CASE("csv: the delimiter is detected from the header, or given", "[csv]") {
  // Commas inside quotes do not count.
  Result<csv::Table> t = csv::parse("\"Naam, voornaam\";Plaats\nJansen, Jan;Delft\n");
  REQUIRE(t);
  CHECK(t->delimiter == ';');
  CHECK(fields_of(*t)[1] == std::vector<std::string>{"Jansen, Jan", "Delft"});

  csv::Options comma;
  comma.delimiter = ',';
  Result<csv::Table> forced = csv::parse("a;b,c\n1;2,3\n", comma);
  REQUIRE(forced);
  CHECK(fields_of(*forced)[1] == std::vector<std::string>{"1;2", "3"});

  CHECK(error_of("a;b,c\n1;2,3\n").find("cannot tell whether ',' or ';'") != std::string::npos);
  csv::Options tab;
  tab.delimiter = '\t';
  CHECK(error_of("a\tb\n", tab) == "the delimiter must be ',' or ';'");
  // A single column: no delimiter at all.
  Result<csv::Table> one = csv::parse("Naam\nJan\n\nPiet\n");
  REQUIRE(one);
  CHECK(fields_of(*one) == Rows{{"Naam"}, {"Jan"}, {""}, {"Piet"}});
}

TEST_CASE("csv: malformed input is refused with row, column and line", "[csv]") {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a,b\n1,x\"y\n",
       "row 2, column 2 (line 2): a quote inside an unquoted field (quote the "
       "whole field and double the quotes inside it)"},
      {"a,b\n1,\"x\"y\n",
       "row 2, column 2 (line 2): text after the closing quote of a quoted "
       "field (double the quotes inside it)"},
      {"a,b\n1,2\n3,\"open\nstill open\n",
       "row 3, column 2 (line 3): a quoted field is not closed "
       "before the end of the file"},
      {"a,b\n1,2,3\n", "row 2, column 3 (line 2): the row has 3 fields, the first row has 2"},
      {"a,b,c\n1,2\n", "row 2, column 3 (line 2): the row has 2 fields, the first row has 3"},
      {"a,b\n1,2\rx,y\n",
       "row 2, column 2 (line 2): a carriage return (CR) without a line feed "
       "(LF) after it"},
      {"a,b\n1,2\n\n3,4\n", "row 3, column 1 (line 3): an empty line"},
      {"\na,b\n", "row 1, column 1 (line 1): the first row is empty"},
      {"a,b\n1,\xC3\x28\n",
       "row 2, column 2 (line 2): not valid UTF-8 (save the file as \"CSV "
       "UTF-8\")"},
      {"a,b\n1,\"\xED\xA0\x80\"\n",
       "row 2, column 2 (line 2): not valid UTF-8 (save the file as "
       "\"CSV UTF-8\")"},
      {"", "the file is empty"},
      {"\xEF\xBB\xBF", "the file is empty"},
      {"\r\n\r\n", "the file is empty"},
      {std::string("\xFF\xFE"
                   "a\0,\0",
                   6),
       "the file is UTF-16 or UTF-32; save it as \"CSV UTF-8\""},
      {std::string("a,b\n1,\0\n", 8),
       "line 2: a NUL byte (is the file UTF-16? save it as \"CSV "
       "UTF-8\")"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(error_of(c.text) == c.message);
  }
}

TEST_CASE("csv: trailing empty lines are not rows", "[csv]") {
  Result<csv::Table> t = csv::parse("a,b\r\n1,2\r\n\r\n\n");
  REQUIRE(t);
  CHECK(t->records.size() == 2);
}

TEST_CASE("csv: sizes are bounded", "[csv]") {
  csv::Options small;
  small.limits.max_bytes = 16;
  CHECK(error_of("Naam,Plaats\nJan,Rijswijk\n", small) == "the file is larger than 16 bytes");

  csv::Options rows;
  rows.limits.max_records = 2;
  CHECK(error_of("a\n1\n2\n", rows) == "row 3, column 1 (line 3): more than 2 rows");
  CHECK(error_of("a\n1\n", rows).empty());

  csv::Options columns;
  columns.limits.max_fields = 3;
  CHECK(error_of("a,b,c,d\n", columns) == "row 1, column 4 (line 1): more than 3 columns");

  csv::Options field;
  field.limits.max_field_bytes = 8;
  CHECK(error_of("a,b\n1,123456789\n", field) ==
        "row 2, column 2 (line 2): a field longer than 8 bytes");
  CHECK(error_of("a,b\n1,\"12345\n6789\"\n", field) ==
        "row 2, column 2 (line 2): a field longer than 8 bytes");
  CHECK(error_of("a,b\n1,12345678\n", field).empty());
}

TEST_CASE("csv: messages never hold the text of a field", "[csv]") {
  const std::string canary = "Wilhelmina Kanarie";
  const std::vector<std::string> bad = {
      "a,b\n" + canary + ",x\"y\n",     "a,b\n\"" + canary + "\"z,1\n",
      "a,b\n1,\"" + canary + "\n",      "a,b\n" + canary + ",1,2\n",
      "a,b\n" + canary + ",\xC3\x28\n", canary + ",1\n\n" + canary + ",2\n",
  };
  for (const std::string& text : bad) {
    std::string message = error_of(text);
    CHECK_FALSE(message.empty());
    CHECK(message.find("Wilhelmina") == std::string::npos);
    CHECK(message.find("Kanarie") == std::string::npos);
  }
}

TEST_CASE("csv: any input parses or is refused, never aborts", "[csv]") {
  // Every prefix of a file full of awkward places.
  const std::string text =
      "\xEF\xBB\xBFx;\"y\"\"\";z\r\n\"a\nb\";;\"\"\r\n1;\"2;3\";\"\xC3\xA9\"\n";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    Result<csv::Table> t = csv::parse(std::string_view(text).substr(0, n));
    if (t) CHECK_FALSE(t->records.empty());
  }
  Result<csv::Table> whole = csv::parse(text);
  REQUIRE(whole);
  CHECK(fields_of(*whole) == Rows{{"x", "y\"", "z"}, {"a\nb", "", ""}, {"1", "2;3", "é"}});
}

TEST_CASE("csv: spreadsheet column letters", "[csv]") {
  CHECK(csv::column_letters(1) == "A");
  CHECK(csv::column_letters(4) == "D");
  CHECK(csv::column_letters(26) == "Z");
  CHECK(csv::column_letters(27) == "AA");
  CHECK(csv::column_letters(52) == "AZ");
  CHECK(csv::column_letters(703) == "AAA");
}
