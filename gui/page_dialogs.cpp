#include "gui/page_dialogs.hpp"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

namespace mk::gui {

PageDialogs interactive_dialogs() {
  PageDialogs d;
  d.confirm = [](QWidget* parent, const QString& title, const QString& question) {
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
  };
  d.save_file = [](QWidget* parent, const QString& title, const QString& suggested,
                   const QString& filter) {
    return QFileDialog::getSaveFileName(parent, title, QDir::home().filePath(suggested), filter);
  };
  d.inform = [](QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::information(parent, title, text);
  };
  d.warn = [](QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::warning(parent, title, text);
  };
  return d;
}

}  // namespace mk::gui
