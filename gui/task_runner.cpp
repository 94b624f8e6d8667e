#include "gui/task_runner.hpp"

#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QEventLoop>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <limits>
#include <memory>

namespace mk::gui {
namespace {

constexpr int kShowDialogAfterMs = 300;
int g_running_tasks = 0;

// A progress dialog the user cannot dismiss: the work runs to its end or rolls back whole.
class BusyDialog final : public QProgressDialog {
 public:
  BusyDialog(const QString& title, QWidget* parent) : QProgressDialog(parent) {
    setWindowTitle(title);
    setLabelText(title);
    setCancelButton(nullptr);
    setRange(0, 0);
    setAutoClose(false);
    setAutoReset(false);
    setMinimumDuration(std::numeric_limits<int>::max());  // shown by run_task, not by itself
    setWindowModality(Qt::ApplicationModal);
    setMinimumWidth(360);
  }
  void reject() override {}  // Esc does nothing

 protected:
  void closeEvent(QCloseEvent* event) override { event->ignore(); }
};

// Swallows user input while a task runs, before and while the modal dialog shows: nothing may
// start other work on the session meanwhile (the session is used by one thread at a time).
class InputBlocker final : public QObject {
 public:
  bool eventFilter(QObject* watched, QEvent* event) override {
    switch (event->type()) {
      case QEvent::KeyPress:
      case QEvent::KeyRelease:
      case QEvent::ShortcutOverride:
      case QEvent::MouseButtonPress:
      case QEvent::MouseButtonRelease:
      case QEvent::MouseButtonDblClick:
      case QEvent::Wheel:
      case QEvent::TouchBegin:
      case QEvent::TouchUpdate:
      case QEvent::TouchEnd:
        return true;
      default:
        return QObject::eventFilter(watched, event);
    }
  }
};

// Receives reports on the worker thread and posts them to the dialog on the UI thread.
class QueuedProgress final : public TaskProgress {
 public:
  explicit QueuedProgress(QObject* ui_receiver) : receiver_(ui_receiver) {}
  void set_dialog(QProgressDialog* dialog) { dialog_ = dialog; }  // UI thread only

  void report(std::uint64_t done, std::uint64_t total, const QString& what) override {
    QMetaObject::invokeMethod(
        receiver_,
        [this, done, total, what] {
          last_done_ = done;
          last_total_ = total;
          last_what_ = what;
          apply();
        },
        Qt::QueuedConnection);
  }

  void apply() {  // UI thread only
    if (!dialog_) return;
    if (last_total_ == 0) {
      dialog_->setRange(0, 0);
    } else {
      // QProgressDialog counts in int: scale large totals down to per-mille.
      const std::uint64_t total = last_total_;
      const std::uint64_t done = std::min(last_done_, total);
      dialog_->setRange(0, 1000);
      dialog_->setValue(static_cast<int>(done * 1000 / total));
    }
    if (!last_what_.isEmpty()) dialog_->setLabelText(last_what_);
  }

 private:
  QObject* receiver_;
  QPointer<QProgressDialog> dialog_;
  std::uint64_t last_done_ = 0;
  std::uint64_t last_total_ = 0;
  QString last_what_;
};

}  // namespace

bool task_in_progress() {
  return g_running_tasks > 0;
}

Status run_task(QWidget* parent, const QString& title, std::function<Status(TaskProgress&)> work) {
  QObject ui_receiver;  // lives on this (the UI) thread; queued reports run here
  QueuedProgress progress(&ui_receiver);
  Status result;
  QThread* worker = QThread::create([&] { result = work(progress); });

  InputBlocker blocker;
  qApp->installEventFilter(&blocker);
  ++g_running_tasks;

  QEventLoop loop;
  QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
  std::unique_ptr<BusyDialog> dialog;
  QTimer show_timer;
  show_timer.setSingleShot(true);
  QObject::connect(&show_timer, &QTimer::timeout, &loop, [&] {
    dialog = std::make_unique<BusyDialog>(title, parent);
    progress.set_dialog(dialog.get());
    progress.apply();
    dialog->show();
  });
  show_timer.start(kShowDialogAfterMs);
  worker->start();
  if (!worker->isFinished()) loop.exec();
  worker->wait();
  show_timer.stop();

  // Deliver the last queued reports while the dialog still exists, then close it.
  QCoreApplication::sendPostedEvents(&ui_receiver);
  progress.set_dialog(nullptr);
  dialog.reset();
  --g_running_tasks;
  qApp->removeEventFilter(&blocker);
  delete worker;
  return result;
}

}  // namespace mk::gui
