// Charts drawn with QPainter on a report page (there is no QtCharts on the target machines): a
// horizontal bar chart of counts and a line chart of series over periods. A withheld count has no
// bar and no point; its place is marked with the suppression marker. Internal to reports/.
#pragma once

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

#include "reports/pdf_canvas.hpp"

namespace mk::reports::pdf {

struct Bar {
  QString label;
  std::optional<std::int64_t> value;  // nullopt: withheld
};

// A bar per entry, labels left (in a column `label_width` wide), the count at the end of the bar.
double bar_chart_height(const Canvas& canvas, std::size_t bars);
void bar_chart(Canvas& canvas, const std::vector<Bar>& bars, double label_width);

// A bar per body row of a grid just drawn, beside it: from `x`, `width` wide, each bar centred on
// its row (layout.rows; the first bars.size() rows), the count at its end, a caption in the
// header's height. Requires layout.one_page.
void bars_beside(Canvas& canvas, const GridLayout& layout, double x, double width,
                 const std::vector<Bar>& bars, const QString& caption, const QString& caption2);

struct Series {
  QString name;
  std::vector<std::optional<std::int64_t>> values;  // one per period; nullopt: withheld
};

// Periods along the x axis, counts up the y axis, a line per series (broken where a count is
// withheld) and a legend under the chart.
double line_chart_height(const Canvas& canvas, std::size_t series);
void line_chart(Canvas& canvas, const std::vector<QString>& periods,
                const std::vector<Series>& series);

// The largest "nice" axis maximum (1, 2 or 5 times a power of ten, times a step count) at least
// `max`, with its step: (max 0 gives 5 steps of 1).
struct Axis {
  std::int64_t top = 5;
  std::int64_t step = 1;
};
Axis nice_axis(std::int64_t max);

}  // namespace mk::reports::pdf
