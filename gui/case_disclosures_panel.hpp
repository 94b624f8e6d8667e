// What left the vault about this case: the disclosure register's rows naming the case or one of
// its persons (id, date, partner, purpose, legal basis, fields as sent, pseudonymised,
// generalised, withheld, records).
#pragma once

#include <QTableWidget>

#include "gui/case_panel.hpp"

namespace mk::gui {

class CaseDisclosuresPanel : public CasePanel {
  Q_OBJECT

 public:
  CaseDisclosuresPanel(AppContext& context, QWidget* parent = nullptr);
  void load(const CaseFacts& facts) override;
  void clear() override;

  QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

}  // namespace mk::gui
