// Page: one screen of the main window (signals, a case, retention, reports, the audit log ...).
// The main window shows one page at a time beside its navigation list.
#pragma once

#include <QString>
#include <QWidget>

namespace mk::gui {

class AppContext;

class Page : public QWidget {
  Q_OBJECT

 public:
  explicit Page(AppContext& context, QWidget* parent = nullptr) : QWidget(parent), ctx_(context) {}

  // The page's name in the navigation list, translated (tr()).
  virtual QString title() const = 0;
  // A stable name for screenshots and tests: "signals", "case", "retention" ...
  virtual QString key() const = 0;
  // Whether the page is offered to the current role (compliance sees no identities).
  virtual bool available_to_compliance() const { return false; }
  // Called whenever the page is shown and after every unlock: reload from the session. Must not
  // keep data once the app is locked (see clear()).
  virtual void refresh() = 0;
  // Called on lock: drop every decrypted value the page holds.
  virtual void clear() = 0;
  // For the screenshot command only: put the page in a state that shows what it is for (a case
  // selected, a report made). May decrypt and audit like a user's click. Default: nothing.
  virtual void show_example() {}

 protected:
  AppContext& context() { return ctx_; }

 private:
  AppContext& ctx_;
};

}  // namespace mk::gui
