// The consents of the case's persons: partner, purpose, who signed, when given and when withdrawn.
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

 private:
  void withdraw_selected();
  QTableWidget* table_;
  QPushButton* withdraw_;
};

}  // namespace mk::gui
