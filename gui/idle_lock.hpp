// IdleLock: locks the vault when the user has not touched keyboard or mouse for a while. An
// application-wide event filter restarts a timer on every input event; when it runs out the
// context is locked (AppContext::lock wipes the keys and every page's data).
#pragma once

#include <QObject>
#include <QTimer>

namespace mk::gui {

class AppContext;

class IdleLock : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultMinutes = 10;

  // Watches input of the whole application from now on; the timer runs while `context` is
  // unlocked. `context` must outlive this object.
  explicit IdleLock(AppContext& context, QObject* parent = nullptr);
  ~IdleLock() override;

  // Idle time before the lock, in milliseconds (tests use a few hundred). Requires ms > 0.
  void set_interval_ms(int ms);
  int interval_ms() const { return timer_.interval(); }
  void set_interval_minutes(int minutes) { set_interval_ms(minutes * 60 * 1000); }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void on_timeout();
  AppContext& context_;
  QTimer timer_;
};

}  // namespace mk::gui
