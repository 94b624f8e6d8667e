// The questions and messages a page puts to the user (confirm, choose a file to save, inform,
// warn), as replaceable functions: the app shows Qt's modal dialogs; tests install answers and
// record the messages, so a page's buttons can be driven offscreen without blocking.
#pragma once

#include <QString>
#include <QWidget>
#include <functional>

namespace mk::gui {

struct PageDialogs {
  // True when the user agrees to `question`.
  std::function<bool(QWidget* parent, const QString& title, const QString& question)> confirm;
  // The chosen path of a new file, or "" when the user cancelled. `suggested` is a file name,
  // `filter` a Qt file-dialog filter ("PDF (*.pdf)").
  std::function<QString(QWidget* parent, const QString& title, const QString& suggested,
                        const QString& filter)>
      save_file;
  std::function<void(QWidget* parent, const QString& title, const QString& text)> inform;
  std::function<void(QWidget* parent, const QString& title, const QString& text)> warn;
};

// QMessageBox and QFileDialog, modal over `parent`.
PageDialogs interactive_dialogs();

}  // namespace mk::gui
