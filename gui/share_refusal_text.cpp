#include "gui/share_refusal_text.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

#include "gui/dutch_format.hpp"

namespace mk::gui {
namespace {

QString t(const char* text) {
  return QCoreApplication::translate("mk::gui::ShareRefusal", text);
}

// An ISO date inside a reason, written the Dutch way.
QString dutch_date(const QString& iso) {
  std::optional<Date> d = parse_date(iso);
  return d ? format_date(*d) : iso;
}

struct Phrase {
  const char* pattern;
  const char* dutch;   // %1.. are the pattern's captures, in order
  bool dates = false;  // captures are ISO dates
};

QString render(const QString& text, const std::initializer_list<Phrase>& phrases) {
  for (const Phrase& p : phrases) {
    const QRegularExpression re(QString::fromLatin1(p.pattern));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) continue;
    QString out = t(p.dutch);
    for (int i = 1; i <= m.lastCapturedIndex(); ++i)
      out = out.arg(p.dates ? dutch_date(m.captured(i)) : m.captured(i));
    return out;
  }
  return text;
}

}  // namespace

QString person_reason(const QString& reason) {
  return render(
      reason,
      {
          {R"(^restricted \(AVG art\. 18\)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "de verwerking van deze persoon is beperkt (AVG art. 18)")},
          {R"(^no consent recorded for (\S+)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal", "er is geen toestemming vastgelegd voor %1")},
          {R"(^consent withdrawn on (\S+)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal", "de toestemming is ingetrokken op %1"), true},
          {R"(^consent for (\S+) is dated after (\S+)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "de toestemming voor %1 is gedateerd na vandaag (%2)")},
          {R"(^date of birth unknown: cannot tell who must consent$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "de geboortedatum is onbekend: niet te bepalen wie moet tekenen")},
          {R"(^(\d+) and over: consent must be signed by the person themselves$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "vanaf %1 jaar moet de persoon zelf de toestemming tekenen")},
          {R"(^under (\d+): consent must be signed by a parent or guardian$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "onder %1 jaar moet een ouder of voogd de toestemming tekenen")},
          {R"(^date of birth unknown: cannot tell whether the person is a minor \(minors are not sent to (\S+)\)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "de geboortedatum is onbekend: niet te bepalen of de persoon "
                             "minderjarig is (minderjarigen gaan niet naar %1)")},
          {R"(^minors are not sent to (\S+) \(see (.*)\)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal", "minderjarigen gaan niet naar %1 (zie %2)")},
          {R"(^role (\S+) is not shared for (\S+)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal", "de rol %1 wordt niet gedeeld met %2")},
      });
}

QStringList refusal_reasons(const QString& message) {
  QString text = message.trimmed();
  if (text.startsWith(QLatin1String("refused: "))) text = text.mid(9);
  const QString whole = render(
      text,
      {
          {R"(^no basis: the disclosure policy has no partner (.*)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "Geen grondslag: het verstrekkingsbeleid kent geen partner %1.")},
          {R"(^no basis: the disclosure policy has no purpose (\S+) for partner (\S+) \(it has: (.*)\)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "Geen grondslag: het verstrekkingsbeleid kent geen doel %1 voor "
                             "partner %2 (wel: %3).")},
          {R"(^partner (\S+) is not registered in this vault.*$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "Partner %1 is niet geregistreerd in deze kluis: zonder de "
                             "age-sleutel van de partner kan er niets worden versleuteld.")},
          {R"(^partner (\S+) is not registered for purpose (\S+)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "Partner %1 is in deze kluis niet geregistreerd voor doel %2.")},
          {R"(^partner (\S+) is registered as kind (\S+) but the disclosure policy says (\S+)$)",
           QT_TRANSLATE_NOOP("mk::gui::ShareRefusal",
                             "Partner %1 is geregistreerd als soort %2, maar het "
                             "verstrekkingsbeleid zegt %3.")},
      });
  if (whole != text) return {whole};

  QStringList out;
  static const QRegularExpression nothing(QStringLiteral(R"(^nothing to send: (P-\w+): (.*)$)"));
  const QRegularExpressionMatch none = nothing.match(text);
  if (none.hasMatch()) {
    out << t(QT_TRANSLATE_NOOP("mk::gui::ShareRefusal", "Er is niets te verstrekken."))
        << t(QT_TRANSLATE_NOOP("mk::gui::ShareRefusal", "Persoon %1: %2"))
               .arg(none.captured(1), person_reason(none.captured(2)));
    return out;
  }
  // "P-AAAA: reason; P-BBBB: reason": one line per person.
  static const QRegularExpression split(QStringLiteral(R"(; (?=P-\w+: ))"));
  static const QRegularExpression person(QStringLiteral(R"(^(P-\w+): (.*)$)"));
  for (const QString& part : text.split(split)) {
    const QRegularExpressionMatch m = person.match(part);
    if (m.hasMatch()) {
      out << t(QT_TRANSLATE_NOOP("mk::gui::ShareRefusal", "Persoon %1: %2"))
                 .arg(m.captured(1), person_reason(m.captured(2)));
    } else {
      out << part;
    }
  }
  return out;
}

}  // namespace mk::gui
