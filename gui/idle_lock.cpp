#include "gui/idle_lock.hpp"

#include <QCoreApplication>
#include <QEvent>

#include "gui/app_context.hpp"
#include "gui/task_runner.hpp"

namespace mk::gui {

IdleLock::IdleLock(AppContext& context, QObject* parent) : QObject(parent), context_(context) {
  timer_.setSingleShot(true);
  set_interval_minutes(kDefaultMinutes);
  connect(&timer_, &QTimer::timeout, this, &IdleLock::on_timeout);
  connect(&context_, &AppContext::unlocked, this, [this] { timer_.start(); });
  connect(&context_, &AppContext::locked, this, [this] { timer_.stop(); });
  if (context_.is_unlocked()) timer_.start();
  QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock() {
  if (QCoreApplication* app = QCoreApplication::instance()) app->removeEventFilter(this);
}

void IdleLock::set_interval_ms(int ms) {
  timer_.setInterval(ms > 0 ? ms : 1);
  if (timer_.isActive()) timer_.start();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
      if (timer_.isActive()) timer_.start();
      break;
    default:
      break;
  }
  return QObject::eventFilter(watched, event);
}

void IdleLock::on_timeout() {
  if (!context_.is_unlocked()) return;
  // A running task uses the session: lock once it has finished, not under it.
  if (task_in_progress()) {
    timer_.start();
    return;
  }
  context_.lock();
}

}  // namespace mk::gui
