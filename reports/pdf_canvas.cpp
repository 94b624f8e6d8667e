#include "reports/pdf_canvas.hpp"

#include <QFontMetricsF>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <algorithm>

#include "reports/report_texts.hpp"

namespace mk::reports::pdf {

namespace {

constexpr int kDpi = kPageDpi;
constexpr double kMarginMm = 18;
constexpr double kFooterMm = 12;
constexpr double kCellPadMm = 1.6;
const char* const kFamily = "DejaVu Sans";

constexpr double kBody = 9;
constexpr double kSmall = 7;
constexpr double kTableText = 8.5;
constexpr double kTableSub = 6.5;

}  // namespace

QString qs(const std::string& s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

PdfPages::PdfPages(QPdfWriter& writer) : writer_(writer) {
  writer_.setResolution(kDpi);
  writer_.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                    QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
  writer_.setCreator("Meldkluis");
}

ImagePages::ImagePages(int width_px) : width_px_(width_px), current_(blank()) {}

QImage ImagePages::blank() {
  const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
  QImage image(static_cast<int>(a4.width() * kDpi / 25.4),
               static_cast<int>(a4.height() * kDpi / 25.4), QImage::Format_RGB32);
  const int dots_per_metre = static_cast<int>(kDpi / 0.0254 + 0.5);
  image.setDotsPerMeterX(dots_per_metre);
  image.setDotsPerMeterY(dots_per_metre);
  image.fill(Qt::white);
  return image;
}

void ImagePages::next_page(QPainter& painter) {
  painter.end();
  done_.push_back(current_.scaledToWidth(width_px_, Qt::SmoothTransformation));
  current_ = blank();
  painter.begin(&current_);
  painter.setRenderHint(QPainter::Antialiasing, true);
}

std::vector<QImage> ImagePages::take() {
  if (!current_.isNull()) {
    done_.push_back(current_.scaledToWidth(width_px_, Qt::SmoothTransformation));
    current_ = QImage();
  }
  return std::move(done_);
}

Canvas::Canvas(PageDevice& pages, const Options& options, QString footer_left, int total_pages)
    : pages_(pages),
      options_(options),
      footer_left_(std::move(footer_left)),
      total_pages_(total_pages) {
  painter_.begin(&pages_.page());
  painter_.setRenderHint(QPainter::Antialiasing, true);
  left_ = mm(kMarginMm);
  width_ = pages_.page().width() - 2 * left_;
  top_ = mm(kMarginMm);
  bottom_ = pages_.page().height() - mm(kMarginMm + kFooterMm);
  y_ = top_;
}

QString Canvas::first(const Label& l) const {
  return qs(primary(l, options_.language));
}

QString Canvas::second(const Label& l) const {
  if (!options_.bilingual || l.nl == l.en) return {};
  return qs(secondary(l, options_.language));
}

double Canvas::mm(double millimetres) const {
  return millimetres * kDpi / 25.4;
}

void Canvas::ensure(double height) {
  if (y_ > top_ && height > remaining()) new_page();
}

void Canvas::new_page() {
  footer();
  pages_.next_page(painter_);
  ++page_;
  y_ = top_;
}

QFont Canvas::font(double points, bool bold, bool italic) const {
  QFont f(kFamily);
  // No ligatures: text copied or extracted from the PDF reads "fi", not U+FB01.
  f.setStyleStrategy(QFont::PreferNoShaping);
  f.setPointSizeF(points);
  f.setBold(bold);
  f.setItalic(italic);
  return f;
}

double Canvas::text_height(const QString& text, const QFont& f, double w) const {
  if (text.isEmpty()) return 0;
  const QFontMetricsF m(f, &pages_.page());
  return m.boundingRect(QRectF(0, 0, w, 1e7), Qt::TextWordWrap, text).height();
}

double Canvas::text_width(const QString& text, const QFont& f) const {
  return QFontMetricsF(f, &pages_.page()).horizontalAdvance(text);
}

void Canvas::title(const Label& label) {
  const QFont big = font(17, true), sub = font(10);
  painter_.setPen(kAccent);
  painter_.setFont(big);
  const double h1 = text_height(first(label), big, width_);
  painter_.drawText(QRectF(left_, y_, width_, h1), Qt::TextWordWrap, first(label));
  y_ += h1;
  if (!second(label).isEmpty()) {
    painter_.setPen(kMuted);
    painter_.setFont(sub);
    const double h2 = text_height(second(label), sub, width_);
    painter_.drawText(QRectF(left_, y_, width_, h2), Qt::TextWordWrap, second(label));
    y_ += h2;
  }
  y_ += mm(2);
  painter_.setPen(QPen(kAccent, mm(0.5)));
  painter_.drawLine(QPointF(left_, y_), QPointF(left_ + width_, y_));
  y_ += mm(4);
}

double Canvas::heading_height(const Label& label) const {
  return mm(3) + text_height(first(label), font(12.5, true), width_) +
         text_height(second(label), font(8, false, true), width_) + mm(2);
}

void Canvas::heading(const Label& label) {
  y_ += mm(3);
  const QFont h = font(12.5, true), sub = font(8, false, true);
  painter_.setPen(kAccent);
  painter_.setFont(h);
  const double h1 = text_height(first(label), h, width_);
  painter_.drawText(QRectF(left_, y_, width_, h1), Qt::TextWordWrap, first(label));
  y_ += h1;
  if (!second(label).isEmpty()) {
    painter_.setPen(kMuted);
    painter_.setFont(sub);
    const double h2 = text_height(second(label), sub, width_);
    painter_.drawText(QRectF(left_, y_, width_, h2), Qt::TextWordWrap, second(label));
    y_ += h2;
  }
  y_ += mm(2);
}

double Canvas::paragraph_height(const QString& text, const QFont& f) const {
  return text_height(text, f, width_);
}

void Canvas::paragraph(const QString& text, const QFont& f, const QColor& colour) {
  const double h = paragraph_height(text, f);
  painter_.setPen(colour);
  painter_.setFont(f);
  painter_.drawText(QRectF(left_, y_, width_, h), Qt::TextWordWrap, text);
  y_ += h;
}

double Canvas::note_height(const Label& label, double points) const {
  double h = paragraph_height(first(label), font(points));
  if (!second(label).isEmpty())
    h += mm(0.5) + paragraph_height(second(label), font(points - 1.5, false, true));
  return h + mm(1.5);
}

void Canvas::note(const Label& label, double points) {
  paragraph(first(label), font(points), kInk);
  if (!second(label).isEmpty()) {
    y_ += mm(0.5);
    paragraph(second(label), font(points - 1.5, false, true), kMuted);
  }
  y_ += mm(1.5);
}

double Canvas::facts_height(const std::vector<std::pair<Label, QString>>& entries) const {
  const QFont f = font(kBody);
  const double line = QFontMetricsF(f, &pages_.page()).lineSpacing() * 1.25;
  return line * static_cast<double>(entries.size()) + mm(2);
}

void Canvas::facts(const std::vector<std::pair<Label, QString>>& entries) {
  const QFont key = font(kBody, true), value = font(kBody), sub = font(kSmall, false, true);
  const double line = QFontMetricsF(value, &pages_.page()).lineSpacing() * 1.25;
  double key_w = 0;
  for (const auto& [label, text] : entries) {
    key_w =
        std::max(key_w, text_width(first(label), key) +
                            (second(label).isEmpty() ? 0 : text_width(" / " + second(label), sub)));
  }
  key_w += mm(4);
  for (const auto& [label, text] : entries) {
    painter_.setPen(kInk);
    painter_.setFont(key);
    painter_.drawText(QRectF(left_, y_, key_w, line), Qt::AlignLeft | Qt::AlignVCenter,
                      first(label));
    if (!second(label).isEmpty()) {
      const double x = left_ + text_width(first(label), key);
      painter_.setPen(kMuted);
      painter_.setFont(sub);
      painter_.drawText(QRectF(x, y_, key_w, line), Qt::AlignLeft | Qt::AlignVCenter,
                        " / " + second(label));
    }
    painter_.setPen(kInk);
    painter_.setFont(value);
    painter_.drawText(QRectF(left_ + key_w, y_, width_ - key_w, line),
                      Qt::AlignLeft | Qt::AlignVCenter, text);
    y_ += line;
  }
  y_ += mm(2);
}

double Canvas::column_width(const std::vector<GridCell>& cells) const {
  double w = 0;
  for (const GridCell& c : cells) {
    w = std::max(w, text_width(c.text, font(kTableText, true)));
    w = std::max(w, text_width(c.sub, font(kTableSub, false, true)));
  }
  return w + 2 * mm(kCellPadMm) + mm(0.5);
}

double Canvas::word_width(const std::vector<GridCell>& cells) const {
  double w = 0;
  for (const GridCell& c : cells) {
    for (const QString& word : c.text.split(' ', Qt::SkipEmptyParts))
      w = std::max(w, text_width(word, font(kTableText, true)));
    for (const QString& word : c.sub.split(' ', Qt::SkipEmptyParts))
      w = std::max(w, text_width(word, font(kTableSub, false, true)));
  }
  return w + 2 * mm(kCellPadMm) + mm(0.5);
}

double Canvas::row_height(const Grid& g, const std::vector<GridCell>& row, bool header) const {
  double h = 0;
  for (std::size_t i = 0; i < row.size() && i < g.widths.size(); ++i) {
    const double w = g.widths[i] - 2 * mm(kCellPadMm);
    double cell = text_height(row[i].text, font(kTableText, header || row[i].bold), w);
    if (!row[i].sub.isEmpty()) cell += text_height(row[i].sub, font(kTableSub, false, true), w);
    h = std::max(h, cell);
  }
  return h + 2 * mm(kCellPadMm);
}

double Canvas::grid_height(const Grid& g) const {
  double h = row_height(g, g.header, true);
  for (const auto& row : g.rows)
    h += row_height(g, row, false);
  return h + mm(2);
}

void Canvas::draw_row(const Grid& g, const std::vector<GridCell>& row, bool header, double h) {
  double x = left_;
  const double pad = mm(kCellPadMm);
  for (std::size_t i = 0; i < row.size() && i < g.widths.size(); ++i) {
    const GridCell& c = row[i];
    const QRectF box(x, y_, g.widths[i], h);
    if (header) {
      painter_.fillRect(box, kHeaderFill);
    } else if (c.withheld) {
      painter_.fillRect(box.adjusted(mm(0.3), mm(0.3), -mm(0.3), -mm(0.3)), kWithheldFill);
    }
    const Qt::Alignment align = c.numeric ? Qt::AlignRight : Qt::AlignLeft;
    const QRectF inner = box.adjusted(pad, pad, -pad, -pad);
    const QFont main =
        c.withheld ? font(kTableText, false, true) : font(kTableText, header || c.bold);
    const double h1 = text_height(c.text, main, inner.width());
    painter_.setFont(main);
    painter_.setPen(c.withheld ? kMuted : kInk);
    painter_.drawText(QRectF(inner.left(), inner.top(), inner.width(), h1),
                      align | Qt::TextWordWrap, c.text);
    if (!c.sub.isEmpty()) {
      const QFont sub = font(kTableSub, false, true);
      painter_.setFont(sub);
      painter_.setPen(kMuted);
      painter_.drawText(QRectF(inner.left(), inner.top() + h1, inner.width(),
                               text_height(c.sub, sub, inner.width())),
                        align | Qt::TextWordWrap, c.sub);
    }
    x += g.widths[i];
  }
  y_ += h;
}

GridLayout Canvas::grid(const Grid& g) {
  GridLayout layout;
  double total_w = 0;
  for (double w : g.widths)
    total_w += w;
  layout.width = total_w;
  const double header_h = row_height(g, g.header, true);
  ensure(header_h + (g.rows.empty() ? 0 : row_height(g, g.rows.front(), false)));
  layout.header_top = y_;
  layout.header_height = header_h;
  draw_row(g, g.header, true, header_h);
  painter_.setPen(QPen(kRule, mm(0.25)));
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    const double h = row_height(g, g.rows[r], false);
    if (h > remaining() && y_ > top_) {
      new_page();
      layout.one_page = false;
      draw_row(g, g.header, true, header_h);
    }
    layout.rows.emplace_back(y_, h);
    const bool first_total = g.total_rows > 0 && r + g.total_rows == g.rows.size();
    painter_.setPen(QPen(kRule, mm(first_total ? 0.4 : 0.15)));
    painter_.drawLine(QPointF(left_, y_), QPointF(left_ + total_w, y_));
    draw_row(g, g.rows[r], false, h);
  }
  painter_.setPen(QPen(kRule, mm(0.4)));
  painter_.drawLine(QPointF(left_, y_), QPointF(left_ + total_w, y_));
  y_ += mm(2);
  return layout;
}

void Canvas::footer() {
  const QFont f = font(kSmall);
  const double y = pages_.page().height() - mm(kMarginMm) - mm(4);
  painter_.setFont(f);
  painter_.setPen(kMuted);
  painter_.drawLine(QPointF(left_, y - mm(2)), QPointF(left_ + width_, y - mm(2)));
  painter_.drawText(QRectF(left_, y, width_ / 2, mm(5)), Qt::AlignLeft | Qt::AlignTop,
                    footer_left_);
  auto page_text = [&](Language lang) {
    QString s = qs(primary(texts::kPage, lang)) + " " + QString::number(page_);
    if (total_pages_ > 0) {
      s += " " + qs(primary(texts::kOf, lang)) + " " + QString::number(total_pages_);
    }
    return s;
  };
  QString text = page_text(options_.language);
  if (options_.bilingual) {
    text += " · " + page_text(options_.language == Language::kDutch ? Language::kEnglish
                                                                    : Language::kDutch);
  }
  painter_.drawText(QRectF(left_ + width_ / 2, y, width_ / 2, mm(5)), Qt::AlignRight | Qt::AlignTop,
                    text);
}

void Canvas::finish() {
  footer();
  painter_.end();
}

}  // namespace mk::reports::pdf
