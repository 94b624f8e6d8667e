// The case's signals: id, received, source, forms, indicators, status. Metadata only (no
// narrative is decrypted here).
#pragma once

#include <QTableWidget>

#include "gui/case_panel.hpp"

namespace mk::gui {

class CaseSignalsPanel : public CasePanel {
  Q_OBJECT

 public:
  CaseSignalsPanel(AppContext& context, QWidget* parent = nullptr);
  void load(const CaseFacts& facts) override;
  void clear() override;
  QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

}  // namespace mk::gui
