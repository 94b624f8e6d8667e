#include "reports/charts.hpp"

#include <QFontMetricsF>
#include <QPainterPath>
#include <algorithm>
#include <array>

#include "reports/suppression.hpp"

namespace mk::reports::pdf {

namespace {

constexpr double kBarMm = 5.2;
constexpr double kBarGapMm = 1.6;
constexpr double kLinePlotMm = 52;

const std::array<QColor, 6> kPalette = {QColor(0x2f, 0x5d, 0x8c), QColor(0xd0, 0x7a, 0x1f),
                                        QColor(0x3a, 0x8a, 0x4f), QColor(0x9b, 0x3b, 0x74),
                                        QColor(0x6b, 0x6b, 0x6b), QColor(0x1f, 0x9a, 0xa8)};

std::int64_t largest(const std::vector<std::optional<std::int64_t>>& values) {
  std::int64_t m = 0;
  for (const auto& v : values)
    if (v) m = std::max(m, *v);
  return m;
}

const QString kMarker =
    QString::fromUtf8(kSuppressedMarker.data(), static_cast<qsizetype>(kSuppressedMarker.size()));

}  // namespace

Axis nice_axis(std::int64_t max) {
  if (max <= 0) return {};
  // Aim at about five steps.
  std::int64_t magnitude = 1;
  while (magnitude * 10 <= max)
    magnitude *= 10;
  for (std::int64_t base = std::max<std::int64_t>(1, magnitude / 10);; base *= 10) {
    for (std::int64_t f : {1, 2, 5}) {
      const std::int64_t step = base * f;
      const std::int64_t steps = (max + step - 1) / step;
      if (steps <= 6) return {step * steps, step};
    }
  }
}

double bar_chart_height(const Canvas& c, std::size_t bars) {
  return c.mm(2) + static_cast<double>(bars) * c.mm(kBarMm + kBarGapMm) + c.mm(8);
}

void bar_chart(Canvas& c, const std::vector<Bar>& bars, double label_width) {
  QPainter& p = c.painter();
  const QFont label_font = c.font(7.5), value_font = c.font(7.5, true),
              muted_font = c.font(7.5, false, true);
  std::vector<std::optional<std::int64_t>> values;
  for (const Bar& b : bars)
    values.push_back(b.value);
  const Axis axis = nice_axis(largest(values));
  const double x0 = c.left() + label_width;
  const double plot_w = c.width() - label_width - c.mm(12);
  const double top = c.y() + c.mm(2);
  const double plot_h = static_cast<double>(bars.size()) * c.mm(kBarMm + kBarGapMm);
  auto x_of = [&](std::int64_t v) {
    return x0 + plot_w * static_cast<double>(v) / static_cast<double>(axis.top);
  };
  // Grid lines and axis labels.
  p.setFont(c.font(6.5));
  for (std::int64_t v = 0; v <= axis.top; v += axis.step) {
    const double x = x_of(v);
    p.setPen(QPen(v == 0 ? kRule : QColor(0xdd, 0xdd, 0xdd), c.mm(v == 0 ? 0.3 : 0.15)));
    p.drawLine(QPointF(x, top), QPointF(x, top + plot_h));
    p.setPen(kMuted);
    p.drawText(QRectF(x - c.mm(8), top + plot_h + c.mm(0.8), c.mm(16), c.mm(4)),
               Qt::AlignHCenter | Qt::AlignTop, QString::number(v));
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = top + static_cast<double>(i) * c.mm(kBarMm + kBarGapMm) + c.mm(kBarGapMm / 2);
    const QRectF label_box(c.left(), y, label_width - c.mm(2), c.mm(kBarMm));
    p.setFont(label_font);
    p.setPen(kInk);
    const QString label = QFontMetricsF(label_font, p.device())
                              .elidedText(bars[i].label, Qt::ElideRight, label_box.width());
    p.drawText(label_box, Qt::AlignRight | Qt::AlignVCenter, label);
    if (!bars[i].value) {
      p.setFont(muted_font);
      p.setPen(kMuted);
      p.drawText(QRectF(x0 + c.mm(1.5), y, c.mm(20), c.mm(kBarMm)),
                 Qt::AlignLeft | Qt::AlignVCenter, kMarker);
      continue;
    }
    const double w = x_of(*bars[i].value) - x0;
    if (w > 0) p.fillRect(QRectF(x0, y, w, c.mm(kBarMm)), kAccent);
    p.setFont(value_font);
    p.setPen(kInk);
    p.drawText(QRectF(x0 + w + c.mm(1.2), y, c.mm(20), c.mm(kBarMm)),
               Qt::AlignLeft | Qt::AlignVCenter, QString::number(*bars[i].value));
  }
  c.advance(bar_chart_height(c, bars.size()));
}

void bars_beside(Canvas& c, const GridLayout& layout, double x, double width,
                 const std::vector<Bar>& bars, const QString& caption, const QString& caption2) {
  QPainter& p = c.painter();
  std::vector<std::optional<std::int64_t>> values;
  for (const Bar& b : bars)
    values.push_back(b.value);
  const Axis axis = nice_axis(largest(values));
  const double value_room = c.mm(10);
  const double scale = (width - value_room) / static_cast<double>(axis.top);
  // Caption at the bottom of the header's height.
  const QFont cap = c.font(7, false, true), cap2 = c.font(6, false, true);
  const double bottom = layout.header_top + layout.header_height - c.mm(1.6);
  p.setFont(cap2);
  p.setPen(kMuted);
  double y = bottom;
  if (!caption2.isEmpty()) {
    y -= c.text_height(caption2, cap2, width);
    p.drawText(QRectF(x, y, width, bottom - y), Qt::AlignLeft | Qt::AlignBottom, caption2);
  }
  p.setFont(cap);
  const double h1 = c.text_height(caption, cap, width);
  p.drawText(QRectF(x, y - h1, width, h1), Qt::AlignLeft | Qt::AlignBottom, caption);
  // Light lines at the axis steps, and the baseline.
  const std::size_t n = std::min(bars.size(), layout.rows.size());
  if (n == 0) return;
  const double top = layout.rows.front().first;
  const double end = layout.rows[n - 1].first + layout.rows[n - 1].second;
  for (std::int64_t v = 0; v <= axis.top; v += axis.step) {
    const double lx = x + scale * static_cast<double>(v);
    p.setPen(QPen(v == 0 ? kRule : QColor(0xe2, 0xe2, 0xe2), c.mm(v == 0 ? 0.3 : 0.15)));
    p.drawLine(QPointF(lx, top), QPointF(lx, end));
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto [row_top, row_h] = layout.rows[i];
    const double bar_h = std::min(row_h * 0.5, c.mm(4));
    const double by = row_top + (row_h - bar_h) / 2;
    if (!bars[i].value) {
      p.setFont(c.font(7.5, false, true));
      p.setPen(kMuted);
      p.drawText(QRectF(x + c.mm(1.2), row_top, c.mm(10), row_h), Qt::AlignLeft | Qt::AlignVCenter,
                 kMarker);
      continue;
    }
    const double w = scale * static_cast<double>(*bars[i].value);
    if (w > 0) p.fillRect(QRectF(x, by, w, bar_h), kAccent);
    p.setFont(c.font(7, true));
    p.setPen(kInk);
    p.drawText(QRectF(x + w + c.mm(1), row_top, value_room, row_h),
               Qt::AlignLeft | Qt::AlignVCenter, QString::number(*bars[i].value));
  }
}

double line_chart_height(const Canvas& c, std::size_t series) {
  const double legend_rows = static_cast<double>((series + 2) / 3);
  return c.mm(4) + c.mm(kLinePlotMm) + c.mm(9) + legend_rows * c.mm(5) + c.mm(2);
}

void line_chart(Canvas& c, const std::vector<QString>& periods, const std::vector<Series>& series) {
  QPainter& p = c.painter();
  std::int64_t max = 0;
  for (const Series& s : series)
    max = std::max(max, largest(s.values));
  const Axis axis = nice_axis(max);
  const double x0 = c.left() + c.mm(14), x1 = c.left() + c.width() - c.mm(6);
  const double top = c.y() + c.mm(4), bottom = top + c.mm(kLinePlotMm);
  const std::size_t n = periods.size();
  auto x_of = [&](std::size_t i) {
    return n <= 1 ? (x0 + x1) / 2
                  : x0 + (x1 - x0) * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
  };
  auto y_of = [&](std::int64_t v) {
    return bottom - (bottom - top) * static_cast<double>(v) / static_cast<double>(axis.top);
  };
  p.setFont(c.font(6.5));
  for (std::int64_t v = 0; v <= axis.top; v += axis.step) {
    const double y = y_of(v);
    p.setPen(QPen(v == 0 ? kRule : QColor(0xdd, 0xdd, 0xdd), c.mm(v == 0 ? 0.3 : 0.15)));
    p.drawLine(QPointF(x0, y), QPointF(x1, y));
    p.setPen(kMuted);
    p.drawText(QRectF(c.left(), y - c.mm(2), c.mm(12), c.mm(4)), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(v));
  }
  p.setFont(c.font(7.5));
  p.setPen(kInk);
  const double slot = (x1 - x0) / static_cast<double>(std::max<std::size_t>(n, 1));
  for (std::size_t i = 0; i < n; ++i) {
    p.drawText(QRectF(x_of(i) - slot / 2, bottom + c.mm(1.5), slot, c.mm(5)),
               Qt::AlignHCenter | Qt::AlignTop, periods[i]);
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    const QColor colour = kPalette[s % kPalette.size()];
    const auto& values = series[s].values;
    p.setPen(QPen(colour, c.mm(0.7), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (std::size_t i = 0; i + 1 < values.size() && i + 1 < n; ++i) {
      if (values[i] && values[i + 1]) {
        p.drawLine(QPointF(x_of(i), y_of(*values[i])), QPointF(x_of(i + 1), y_of(*values[i + 1])));
      }
    }
    for (std::size_t i = 0; i < values.size() && i < n; ++i) {
      if (values[i]) {
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(QPointF(x_of(i), y_of(*values[i])), c.mm(1.1), c.mm(1.1));
        p.setBrush(Qt::NoBrush);
        p.setFont(c.font(6.5, true));
        p.setPen(colour);
        p.drawText(QRectF(x_of(i) - c.mm(8), y_of(*values[i]) - c.mm(5.5), c.mm(16), c.mm(4)),
                   Qt::AlignHCenter | Qt::AlignBottom, QString::number(*values[i]));
      } else {
        p.setFont(c.font(7.5, false, true));
        p.setPen(colour);
        p.drawText(QRectF(x_of(i) - c.mm(4), bottom - c.mm(5), c.mm(8), c.mm(4.5)),
                   Qt::AlignHCenter | Qt::AlignBottom, kMarker);
      }
    }
  }
  // Legend: up to three entries a line.
  double y = bottom + c.mm(9);
  const double entry_w = c.width() / 3;
  p.setFont(c.font(7.5));
  for (std::size_t s = 0; s < series.size(); ++s) {
    const double x = c.left() + entry_w * static_cast<double>(s % 3);
    const double ly = y + c.mm(5) * static_cast<double>(s / 3);
    p.fillRect(QRectF(x, ly + c.mm(1.3), c.mm(5), c.mm(1.6)), kPalette[s % kPalette.size()]);
    p.setPen(kInk);
    p.drawText(QRectF(x + c.mm(7), ly, entry_w - c.mm(8), c.mm(4.5)),
               Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font(), p.device())
                   .elidedText(series[s].name, Qt::ElideRight, entry_w - c.mm(8)));
  }
  c.advance(line_chart_height(c, series.size()));
}

}  // namespace mk::reports::pdf
