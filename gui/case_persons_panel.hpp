// The case's persons with their roles and, on this coordinator page only, their names (each read
// decrypts through the service, which audits it). "Slachtoffer toevoegen…" adds a victim and links
// it to the case; "Persoon delen…" asks the view to open the share dialog for the selected person.
#pragma once

#include <QPushButton>
#include <QTableWidget>

#include "gui/case_panel.hpp"

namespace mk::gui {

class CasePersonsPanel : public CasePanel {
  Q_OBJECT

 public:
  CasePersonsPanel(AppContext& context, QWidget* parent = nullptr);
  void load(const CaseFacts& facts) override;
  void clear() override;

  QTableWidget* table() const { return table_; }
  QPushButton* add_victim_button() const { return add_victim_; }
  QPushButton* share_button() const { return share_; }

 Q_SIGNALS:
  void share_person_requested(const QString& person_id);

 private:
  void add_victim();
  std::string case_id_;
  bool case_closed_ = false;
  QTableWidget* table_;
  QPushButton* add_victim_;
  QPushButton* share_;
};

}  // namespace mk::gui
