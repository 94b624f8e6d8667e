// The case's Meldcode: the five steps and the questions of the afwegingskader, each with the answer
// in force (who, when, answer, rationale), the suggested next step, and every decision recorded,
// oldest first. "Besluit vastleggen…" appends a decision (decisions are never edited).
#pragma once

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <optional>

#include "gui/case_panel.hpp"
#include "service/meldcode.hpp"

namespace mk::gui {

class MeldcodePanel : public CasePanel {
  Q_OBJECT

 public:
  MeldcodePanel(AppContext& context, QWidget* parent = nullptr);
  void load(const CaseFacts& facts) override;
  void clear() override;

  QTableWidget* items_table() const { return items_; }      // one row per step and question
  QTableWidget* history_table() const { return history_; }  // one row per decision
  QLabel* next_label() const { return next_; }
  QPushButton* decide_button() const { return decide_; }

 private:
  void decide();
  std::string case_id_;
  std::optional<service::MeldcodeView> view_;  // holds decrypted rationales: dropped by clear()
  QLabel* next_;
  QTableWidget* items_;
  QTableWidget* history_;
  QPushButton* decide_;
};

}  // namespace mk::gui
