// Long work (unlock, verify, sweep, export, report, import) runs on a worker thread while a modal
// progress dialog keeps the window painting and responsive. Because the dialog is modal, the user
// cannot start other work on the session meanwhile; the session is used by one thread at a time.
#pragma once

#include <QString>
#include <QWidget>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "base/result.hpp"

namespace mk::gui {

// What a task may tell the dialog. Safe to call from the worker thread.
class TaskProgress {
 public:
  virtual ~TaskProgress() = default;
  // `done` of `total` steps; total 0 means "unknown" (a busy indicator). `what` is one line
  // without personal data.
  virtual void report(std::uint64_t done, std::uint64_t total, const QString& what = {}) = 0;
};

// Runs `work` on a worker thread and returns its Status once it has finished. Shows a modal
// progress dialog titled `title` over `parent` after a short delay (instant tasks show nothing).
// Requires a QApplication on the calling (UI) thread. The dialog has no cancel button: every
// service operation is one unit of work that must run to its end or roll back whole.
Status run_task(QWidget* parent, const QString& title, std::function<Status(TaskProgress&)> work);

// True while run_task is waiting for a worker (on the UI thread). The idle lock waits for it: the
// session must not be closed under a running task.
bool task_in_progress();

// The same for work that returns a value.
template <typename T>
Result<T> run_task_result(QWidget* parent, const QString& title,
                          std::function<Result<T>(TaskProgress&)> work) {
  std::optional<Result<T>> out;
  Status s = run_task(parent, title, [&](TaskProgress& p) {
    out.emplace(work(p));
    return out->status();
  });
  if (!out) return s;
  return std::move(*out);
}

}  // namespace mk::gui
