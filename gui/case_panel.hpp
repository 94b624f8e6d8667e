// CasePanel: one part of the case view (signals, persons, Meldcode, help requests, consents,
// disclosures). The view loads the case's facts once and hands them to every panel; a panel reads
// the rest through the service and, after a change it made, emits changed() so the view reloads.
// Errors are shown in the panel itself (never a modal box), in the service's words.
#pragma once

#include <QLabel>
#include <QWidget>
#include <string>
#include <vector>

#include "base/status.hpp"

namespace mk::gui {

class AppContext;

// What the view knows of the shown case.
struct CaseFacts {
  std::string case_id;
  bool closed = false;
  std::vector<std::string> signal_ids;
  std::vector<std::string> person_ids;
};

class CasePanel : public QWidget {
  Q_OBJECT

 public:
  CasePanel(AppContext& context, QWidget* parent);

  // Shows `facts`' case. Requires an unlocked context.
  virtual void load(const CaseFacts& facts) = 0;
  // Drops everything shown (on lock, or when no case is selected).
  virtual void clear() = 0;

  // The last error shown, "" when the last action succeeded.
  QString error_text() const { return error_->text(); }

 Q_SIGNALS:
  void changed();

 protected:
  AppContext& context() { return ctx_; }
  // The label under the panel's content; add it to the layout last.
  QLabel* error_label() { return error_; }
  // Shows `status`'s message when it failed, clears the label when ok; returns status.is_ok().
  bool report(const Status& status);

 private:
  AppContext& ctx_;
  QLabel* error_;
};

}  // namespace mk::gui
