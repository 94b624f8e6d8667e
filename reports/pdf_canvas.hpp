// Drawing a paginated A4 document with Qt (QPdfWriter and QPainter), shared by the report
// renderers: a cursor that moves down the page and breaks to a new one when a block does not fit,
// headings and notes in two languages, tables whose header repeats after a page break, and the
// page number on every page. Internal to reports/; the renderers' headers expose no Qt type.
//
// Page numbers "page N of M" need M before the first page is drawn, so a renderer draws twice:
// first with total_pages 0 (the footer then says "page N"), then with the count that pass gave.
// Layout never depends on the footer, so both passes break pages in the same places.
#pragma once

#include <QColor>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <utility>
#include <vector>

#include "reports/label.hpp"

namespace mk::reports::pdf {

QString qs(const std::string& s);  // UTF-8 to QString

struct Options {
  Language language = Language::kDutch;
  bool bilingual = true;  // the other language in smaller type under headings and labels
};

// Colours of every report.
inline const QColor kInk{0x22, 0x22, 0x22};
inline const QColor kMuted{0x5f, 0x63, 0x68};
inline const QColor kRule{0xa0, 0xa4, 0xa8};
inline const QColor kHeaderFill{0xe4, 0xec, 0xf4};
inline const QColor kWithheldFill{0xee, 0xee, 0xee};
inline const QColor kAccent{0x2f, 0x5d, 0x8c};

// One cell of a grid: its text, optionally a second line in smaller type (the other language).
struct GridCell {
  GridCell() = default;
  GridCell(QString t, QString s = {}, bool is_numeric = false, bool is_bold = false,
           bool is_withheld = false)
      : text(std::move(t)),
        sub(std::move(s)),
        numeric(is_numeric),
        bold(is_bold),
        withheld(is_withheld) {}

  QString text;
  QString sub;
  bool numeric = false;   // right-aligned
  bool bold = false;      // totals
  bool withheld = false;  // a suppressed count: shaded, in muted type
};

struct Grid {
  std::vector<double> widths;  // per column, in device units
  std::vector<GridCell> header;
  std::vector<std::vector<GridCell>> rows;
  std::size_t total_rows = 0;  // how many of the last rows are totals (a rule above them)
};

// Where a grid's body rows landed, for drawing beside them.
struct GridLayout {
  double width = 0;       // of the whole grid
  double header_top = 0;  // of the header row, on the page where the grid starts
  double header_height = 0;
  std::vector<std::pair<double, double>> rows;  // top and height of each body row
  bool one_page = true;                         // the grid did not break across pages
};

// Every page is A4 at this resolution: device units are dots of 1/300 inch.
inline constexpr int kPageDpi = 300;

// The pages a Canvas draws on, one after another: a PDF (PdfPages) or images for the screen
// (ImagePages). The same drawing code serves both, so the screen shows what the PDF holds.
class PageDevice {
 public:
  virtual ~PageDevice() = default;
  // The page being drawn: A4 at kPageDpi (width() and height() in dots).
  virtual QPaintDevice& page() = 0;
  // Ends the page `painter` draws on and starts the next; `painter` is active on page() after.
  virtual void next_page(QPainter& painter) = 0;
};

// The pages of `writer`, which the constructor sets up (A4, no margins, kPageDpi, creator).
class PdfPages final : public PageDevice {
 public:
  explicit PdfPages(QPdfWriter& writer);
  QPaintDevice& page() override { return writer_; }
  void next_page(QPainter&) override { writer_.newPage(); }

 private:
  QPdfWriter& writer_;
};

// Pages painted into images (white, at kPageDpi), each scaled down to `width_px` pixels wide
// (keeping its shape) as it is finished, so only one full-resolution page exists at a time.
// Needs no display: QImage paints anywhere, also on a worker thread.
class ImagePages final : public PageDevice {
 public:
  explicit ImagePages(int width_px);
  QPaintDevice& page() override { return current_; }
  void next_page(QPainter& painter) override;
  // Every page, scaled; call after the Canvas finished (its painter has ended).
  std::vector<QImage> take();

 private:
  static QImage blank();
  int width_px_;
  QImage current_;
  std::vector<QImage> done_;
};

class Canvas {
 public:
  // Starts the first page of `pages`, which must outlive the Canvas. `footer_left` is written at
  // the bottom left of every page; `total_pages` is 0 in a first pass.
  Canvas(PageDevice& pages, const Options& options, QString footer_left, int total_pages);
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  const Options& options() const { return options_; }
  Language language() const { return options_.language; }
  // The label's text in the chosen language, and the other one ("" when not bilingual or equal).
  QString first(const Label& l) const;
  QString second(const Label& l) const;

  double mm(double millimetres) const;
  double left() const { return left_; }
  double width() const { return width_; }
  double y() const { return y_; }
  void advance(double dy) { y_ += dy; }
  // Room left on this page, and on an empty page.
  double remaining() const { return bottom_ - y_; }
  double page_height() const { return bottom_ - top_; }
  // Starts a new page unless `height` fits below the cursor (or the page is still empty).
  void ensure(double height);
  void new_page();
  int pages() const { return page_; }
  QPainter& painter() { return painter_; }

  // Fonts, by point size.
  QFont font(double points, bool bold = false, bool italic = false) const;
  // Height of `text` wrapped to `width` in `font`.
  double text_height(const QString& text, const QFont& font, double width) const;
  double text_width(const QString& text, const QFont& font) const;

  // Blocks. Each draws at the cursor and moves it below itself.
  void title(const Label& label);
  void heading(const Label& label);
  double heading_height(const Label& label) const;
  // A wrapped paragraph in `font` and `colour`, full width.
  void paragraph(const QString& text, const QFont& font, const QColor& colour);
  double paragraph_height(const QString& text, const QFont& font) const;
  // Both languages of a note: the chosen one in `points`, the other smaller under it.
  void note(const Label& label, double points);
  double note_height(const Label& label, double points) const;
  // A "key: value" line per entry, keys in the chosen language.
  void facts(const std::vector<std::pair<Label, QString>>& entries);
  double facts_height(const std::vector<std::pair<Label, QString>>& entries) const;

  // A grid: rows break across pages, each continued page repeating the header.
  GridLayout grid(const Grid& g);
  double grid_height(const Grid& g) const;
  // Width of the widest text (or sub-text) of a grid column's cells, plus padding.
  double column_width(const std::vector<GridCell>& cells) const;
  // Width of the widest word of a grid column's cells, plus padding: the narrowest the column can
  // be without cutting a word.
  double word_width(const std::vector<GridCell>& cells) const;

  // Ends the document: the footer of the last page.
  void finish();

 private:
  double row_height(const Grid& g, const std::vector<GridCell>& row, bool header) const;
  void draw_row(const Grid& g, const std::vector<GridCell>& row, bool header, double h);
  void footer();

  PageDevice& pages_;
  QPainter painter_;
  Options options_;
  QString footer_left_;
  int total_pages_;
  int page_ = 1;
  double left_ = 0, width_ = 0, top_ = 0, bottom_ = 0, y_ = 0;
};

}  // namespace mk::reports::pdf
