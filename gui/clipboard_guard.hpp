// Identifying data (a name, an address, a BSN) copied to the clipboard does not stay there: the
// guard clears the clipboard after 30 seconds, unless the user has copied something else since.
// It guards what pages copy through copy_identifying() and also every text copied with the
// widgets' own Ctrl+C while a window of this app has the focus (a selected narrative, a name in a
// field): the app cannot tell which of those identify someone, so it treats them all so.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace mk::gui {

class ClipboardGuard : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultClearAfterMs = 30 * 1000;

  explicit ClipboardGuard(QObject* parent = nullptr);

  // Puts `text` on the clipboard and clears it after clear_after_ms(), if the clipboard then still
  // holds `text`. A newer copy replaces the pending one.
  void copy_identifying(const QString& text);
  // Clears the clipboard now when it still holds the guarded text (called on lock).
  void clear_now();

  void set_clear_after_ms(int ms) { timer_.setInterval(ms); }
  int clear_after_ms() const { return timer_.interval(); }

 private:
  QTimer timer_;
  QString guarded_;
};

// The application's guard (a child of the QApplication, created on first use). UI thread only.
ClipboardGuard& clipboard_guard();

// Shorthand for pages: clipboard_guard().copy_identifying(text).
void copy_identifying(const QString& text);

}  // namespace mk::gui
