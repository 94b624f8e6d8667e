// How the app writes dates and times: Dutch style (29-11-2026, 29-11-2026 14:05) in both
// languages, as the municipality's documents do. Date input is parsed the same way.
#pragma once

#include <QDate>
#include <QString>
#include <optional>

#include "base/clock.hpp"
#include "base/date.hpp"

namespace mk::gui {

QString format_date(const Date& date);                 // "29-11-2026"
QString format_date(const std::optional<Date>& date);  // "" when absent
QString format_instant(const Instant& instant);        // "29-11-2026 14:05" (UTC)
QDate to_qdate(const Date& date);
// Requires a valid QDate.
Date from_qdate(const QDate& date);
// "29-11-2026" or "2026-11-29"; nullopt for anything else or an impossible date.
std::optional<Date> parse_date(const QString& text);

}  // namespace mk::gui
