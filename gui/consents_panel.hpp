// The consents of the case's persons: partner, purpose, who signed, when given and when withdrawn.
// "Toestemming vastleggen…" records a new one for one of the case's persons (consent_dialog.hpp);
// "Intrekken" records the withdrawal of the selected consent today.
#pragma once

#include <QPushButton>
#include <QTableWidget>

#include "gui/case_panel.hpp"

namespace mk::gui {

class ConsentsPanel : public CasePanel {
  Q_OBJECT

 public:
  ConsentsPanel(AppContext& context, QWidget* parent = nullptr);
  void load(const CaseFacts& facts) override;
  void clear() override;

  QTableWidget* table() const { return table_; }
  QPushButton* record_button() const { return record_; }
  QPushButton* withdraw_button() const { return withdraw_; }

 private:
  void record();
  void withdraw_selected();
  CaseFacts facts_;
  QTableWidget* table_;
  QPushButton* record_;
  QPushButton* withdraw_;
};

}  // namespace mk::gui
