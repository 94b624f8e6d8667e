// "Besluit vastleggen": one decision on a step of the Meldcode or a question of its afwegingskader.
// The items and their answers come from the meldcode policy; the suggested next item is chosen
// first. The dialog only collects the decision; the service checks and records it.
#pragma once

#include <QComboBox>
#include <QDialog>
#include <QPlainTextEdit>

#include "policies/meldcode_policy.hpp"
#include "service/meldcode.hpp"

namespace mk::gui {

class DecisionDialog : public QDialog {
  Q_OBJECT

 public:
  // `policy` must outlive the dialog.
  DecisionDialog(const policies::MeldcodePolicy& policy, const service::MeldcodeSuggestion& next,
                 QWidget* parent = nullptr);

  QComboBox* item_box() const { return item_; }      // "Stap 1 …", "Vraag 1 …"
  QComboBox* answer_box() const { return answer_; }  // the item's answers, data = answer code
  QPlainTextEdit* rationale_edit() const { return rationale_; }
  // Chooses the step (kind "step") or question ("question") numbered `number`; false if absent.
  bool choose_item(const QString& kind, int number);
  // Chooses the answer with code `code`; false if the item has no such answer.
  bool choose_answer(const QString& code);

  service::DecisionRequest request() const;

 private:
  void fill_answers();
  const policies::MeldcodePolicy& policy_;
  QComboBox* item_;
  QComboBox* answer_;
  QPlainTextEdit* rationale_;
};

}  // namespace mk::gui
