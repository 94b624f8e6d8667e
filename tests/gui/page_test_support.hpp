// Helpers of the record-keeping page tests (retention, reports, audit, disclosures): dialogs that
// answer without a user and record what the page said, and every text a set of widgets shows.
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTextEdit>
#include <QWidget>
#include <memory>

#include "gui/page_dialogs.hpp"

namespace mk::gui::test {

// What the page asked and said, and the answers the test gives.
struct DialogLog {
  QStringList questions;
  QStringList messages;  // inform and warn, in order
  QStringList warnings;  // warn only
  bool answer = true;    // to every confirm
  QString save_path;     // returned by save_file ("" cancels)
};

inline PageDialogs answering_dialogs(const std::shared_ptr<DialogLog>& log) {
  PageDialogs d;
  d.confirm = [log](QWidget*, const QString&, const QString& question) {
    log->questions << question;
    return log->answer;
  };
  d.save_file = [log](QWidget*, const QString&, const QString&, const QString&) {
    return log->save_path;
  };
  d.inform = [log](QWidget*, const QString&, const QString& text) { log->messages << text; };
  d.warn = [log](QWidget*, const QString&, const QString& text) {
    log->messages << text;
    log->warnings << text;
  };
  return d;
}

// Every text of a model: display and tooltip of every cell, and the headers.
inline void model_texts(const QAbstractItemModel& m, QStringList& out) {
  for (int c = 0; c < m.columnCount(); ++c)
    out << m.headerData(c, Qt::Horizontal).toString();
  for (int r = 0; r < m.rowCount(); ++r) {
    for (int c = 0; c < m.columnCount(); ++c) {
      const QModelIndex i = m.index(r, c);
      out << m.data(i, Qt::DisplayRole).toString() << m.data(i, Qt::ToolTipRole).toString();
    }
  }
}

// Every text `root` and its descendants show or carry: window titles, tooltips, accessible
// names, label, button, line-edit and text-edit texts, combo entries, and every cell of every
// item view's model.
inline QStringList visible_texts(QWidget& root) {
  QStringList out;
  QList<QWidget*> widgets = root.findChildren<QWidget*>();
  widgets.prepend(&root);
  for (QWidget* w : widgets) {
    out << w->windowTitle() << w->toolTip() << w->accessibleName() << w->whatsThis();
    if (auto* l = qobject_cast<QLabel*>(w)) out << l->text();
    if (auto* b = qobject_cast<QAbstractButton*>(w)) out << b->text();
    if (auto* e = qobject_cast<QLineEdit*>(w)) out << e->text() << e->placeholderText();
    if (auto* e = qobject_cast<QTextEdit*>(w)) out << e->toPlainText();
    if (auto* e = qobject_cast<QPlainTextEdit*>(w)) out << e->toPlainText();
    if (auto* c = qobject_cast<QComboBox*>(w)) {
      for (int i = 0; i < c->count(); ++i)
        out << c->itemText(i);
    }
    if (auto* v = qobject_cast<QAbstractItemView*>(w); v != nullptr && v->model() != nullptr) {
      model_texts(*v->model(), out);
    }
  }
  out.removeAll(QString());
  return out;
}

}  // namespace mk::gui::test
