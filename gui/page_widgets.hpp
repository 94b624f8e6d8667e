// Small building blocks the record-keeping pages share (retention, reports, audit log,
// disclosures): a page heading, a read-only table view, and the text of a failed Status.
#pragma once

#include <QLabel>
#include <QString>
#include <QTableView>
#include <QWidget>

#include "base/status.hpp"

namespace mk::gui::registers {

// A heading in larger bold type, for the top of a page or a section.
QLabel* make_heading(const QString& text, QWidget* parent, bool section = false);
// A note in muted type that wraps.
QLabel* make_note(const QString& text, QWidget* parent);
// A read-only, row-selecting, sortable-off table view with alternating rows and no edit triggers;
// columns sized to their contents, the last one stretching.
QTableView* make_table_view(QWidget* parent);
// Sizes `view`'s columns to their contents (call after the model changed).
void fit_columns(QTableView* view);
// "Geweigerd: ..." and so on: a Dutch lead word for the code, then the service's message (which
// names no personal data).
QString status_text(const Status& status);
// "a1b2c3d4e5f6a7b8…" : the first 16 hex digits of a hash, for tables; the whole in tooltips.
QString short_hash(const std::string& hex);

}  // namespace mk::gui::registers
