// Every Dutch string of the GUI has an English translation: no message of meldkluis_en.ts may be
// unfinished, obsolete or empty.
#include <QFile>
#include <QStringList>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>

namespace {

struct TsCheck {
  int messages = 0;
  QStringList missing;  // source texts without a usable translation
};

TsCheck check_ts(const QString& file) {
  TsCheck out;
  QFile in(file);
  REQUIRE(in.open(QIODevice::ReadOnly));
  QXmlStreamReader xml(&in);
  QString context;
  QString source;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (xml.name() == QLatin1String("message")) {
      ++out.messages;
      source.clear();
    } else if (xml.name() == QLatin1String("source")) {
      source = xml.readElementText();
    } else if (xml.name() == QLatin1String("translation")) {
      const QString type = xml.attributes().value(QLatin1String("type")).toString();
      QString text;
      bool empty_form = false;
      // Plural messages hold <numerusform> children; plain ones hold text.
      while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters()) text += xml.text();
        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
          if (xml.readElementText().trimmed().isEmpty()) empty_form = true;
          text += QLatin1String("#");
        }
      }
      if (!type.isEmpty() || text.trimmed().isEmpty() || empty_form) {
        out.missing << context + QLatin1String(": ") + source;
      }
    }
  }
  REQUIRE_FALSE(xml.hasError());
  return out;
}

}  // namespace

TEST_CASE("every GUI string has an English translation", "[gui][translations]") {
  const TsCheck ts =
      check_ts(QStringLiteral(MELDKLUIS_SOURCE_DIR "/gui/translations/meldkluis_en.ts"));
  CHECK(ts.messages > 0);
  INFO("untranslated: " << ts.missing.join(QLatin1String(" | ")).toStdString());
  CHECK(ts.missing.isEmpty());
}
