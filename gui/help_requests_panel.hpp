// The case's help requests against their norm times: kind, team, requested, norm, due date and
// whether it is on time, overdue, met (within the norm or late) or closed unmet, as of today by the
// session's clock. "Hulpverzoek toevoegen…" adds one; "Voldaan" and "Sluiten zonder resultaat"
// close the selected open request today.
#pragma once

#include <QPushButton>
#include <QTableWidget>

#include "gui/case_panel.hpp"

namespace mk::gui {

class HelpRequestsPanel : public CasePanel {
  Q_OBJECT

 public:
  HelpRequestsPanel(AppContext& context, QWidget* parent = nullptr);
  void load(const CaseFacts& facts) override;
  void clear() override;

  QTableWidget* table() const { return table_; }
  QPushButton* add_button() const { return add_; }
  QPushButton* met_button() const { return met_; }
  QPushButton* unmet_button() const { return unmet_; }

 private:
  void add();
  void close_selected(bool met);
  CaseFacts facts_;
  QTableWidget* table_;
  QPushButton* add_;
  QPushButton* met_;
  QPushButton* unmet_;
};

}  // namespace mk::gui
