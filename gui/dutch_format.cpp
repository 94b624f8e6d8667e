#include "gui/dutch_format.hpp"

#include <chrono>

namespace mk::gui {

QDate to_qdate(const Date& date) {
  return QDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()));
}

Date from_qdate(const QDate& date) {
  return Date(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

QString format_date(const Date& date) {
  return to_qdate(date).toString(QStringLiteral("dd-MM-yyyy"));
}

QString format_date(const std::optional<Date>& date) {
  return date ? format_date(*date) : QString();
}

QString format_instant(const Instant& instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::hh_mm_ss time(std::chrono::floor<std::chrono::minutes>(instant - day));
  const std::chrono::year_month_day ymd(day);
  const Date date(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
  return QStringLiteral("%1 %2:%3")
      .arg(format_date(date))
      .arg(time.hours().count(), 2, 10, QLatin1Char('0'))
      .arg(time.minutes().count(), 2, 10, QLatin1Char('0'));
}

std::optional<Date> parse_date(const QString& text) {
  const QString t = text.trimmed();
  for (const QString& format : {QStringLiteral("dd-MM-yyyy"), QStringLiteral("yyyy-MM-dd")}) {
    const QDate d = QDate::fromString(t, format);
    if (d.isValid()) return from_qdate(d);
  }
  return std::nullopt;
}

}  // namespace mk::gui
