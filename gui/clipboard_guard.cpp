#include "gui/clipboard_guard.hpp"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPointer>

namespace mk::gui {

ClipboardGuard::ClipboardGuard(QObject* parent) : QObject(parent) {
  timer_.setSingleShot(true);
  timer_.setInterval(kDefaultClearAfterMs);
  connect(&timer_, &QTimer::timeout, this, &ClipboardGuard::clear_now);
  QClipboard* clipboard = QGuiApplication::clipboard();
  connect(clipboard, &QClipboard::dataChanged, this, [this, clipboard] {
    const QString text = clipboard->text();
    if (text.isEmpty() || text == guarded_) return;
    // A copy made in this app (it has the focus or owns the clipboard), not in another program.
    if (QGuiApplication::focusWindow() == nullptr && !clipboard->ownsClipboard()) return;
    guarded_ = text;
    timer_.start();
  });
}

void ClipboardGuard::copy_identifying(const QString& text) {
  guarded_ = text;
  QGuiApplication::clipboard()->setText(text);
  timer_.start();
}

void ClipboardGuard::clear_now() {
  timer_.stop();
  if (guarded_.isEmpty()) return;
  QClipboard* clipboard = QGuiApplication::clipboard();
  if (clipboard->text() == guarded_) clipboard->clear();
  guarded_.fill(QChar(u' '));
  guarded_.clear();
}

ClipboardGuard& clipboard_guard() {
  static QPointer<ClipboardGuard> guard;
  if (!guard) guard = new ClipboardGuard(QCoreApplication::instance());
  return *guard;
}

void copy_identifying(const QString& text) {
  clipboard_guard().copy_identifying(text);
}

}  // namespace mk::gui
