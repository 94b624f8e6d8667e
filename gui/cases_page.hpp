// The coordinator's cases page ("Zaken"): the list of cases (id, opened, status, legal hold) beside
// the selected case in full (CaseView). Not offered to the compliance role: it shows identities.
#pragma once

#include <QLabel>
#include <QTableWidget>

#include "gui/page.hpp"

namespace mk::gui {

class CaseView;

class CasesPage : public Page {
  Q_OBJECT

 public:
  explicit CasesPage(AppContext& context, QWidget* parent = nullptr);

  QString title() const override { return tr("Zaken"); }
  QString key() const override { return QStringLiteral("cases"); }
  void refresh() override;
  void clear() override;
  void show_example() override;  // the first case of the list

  // Selects the case `id` in the list and shows it; false when it is not listed.
  bool select_case(const QString& id);
  QTableWidget* case_list() const { return list_; }
  CaseView* case_view() const { return view_; }

 private:
  void show_selected();
  // Reloads the list and selects the shown case again; false on an error or when it is gone.
  bool reload_list();
  QTableWidget* list_;
  QLabel* error_;
  CaseView* view_;
};

Page* make_cases_page(AppContext& context, QWidget* parent);

}  // namespace mk::gui
