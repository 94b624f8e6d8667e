// SignalsPage: the coordinator's list of signals. Filters (status, form, received from/to), a
// sortable lazy list (SignalListModel), a details panel for the chosen signal (Enter or a double
// click: the full signal, decrypted and audited by the store), and the actions "Nieuw signaal…"
// (IntakeDialog) and "Zaak openen…" (a case for the chosen signal and its persons).
// Object names for tests: "statusFilter", "formFilter", "fromEnabled", "fromDate", "toEnabled",
// "toDate", "signals" (the table), "details", "newSignal", "openCase", "count".
#pragma once

#include <QString>

#include "gui/page.hpp"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace mk::gui {

class SignalListModel;

class SignalsPage : public Page {
  Q_OBJECT

 public:
  explicit SignalsPage(AppContext& context, QWidget* parent = nullptr);

  QString title() const override { return tr("Signalen"); }
  QString key() const override { return QStringLiteral("signals"); }
  // Coordinator only: the details panel shows decrypted narratives.
  bool available_to_compliance() const override { return false; }
  void refresh() override;
  void clear() override;

  SignalListModel& model() { return *model_; }

 public Q_SLOTS:
  // Opens the intake dialog; reloads the list after a save.
  void new_signal();
  // Opens a case for the chosen signal (after confirmation) and links its persons.
  void open_case();
  // Shows the full signal of `row` in the details panel.
  void show_details(int row);

 private Q_SLOTS:
  void apply_filter();
  void reset_filter();

 private:
  SignalListModel* model_ = nullptr;
  QComboBox* status_ = nullptr;
  QComboBox* form_ = nullptr;
  QCheckBox* from_enabled_ = nullptr;
  QDateEdit* from_ = nullptr;
  QCheckBox* to_enabled_ = nullptr;
  QDateEdit* to_ = nullptr;
  QTableView* table_ = nullptr;
  QTextBrowser* details_ = nullptr;
  QLabel* count_ = nullptr;
  QPushButton* open_case_ = nullptr;
  bool filling_ = false;  // while the filter widgets are (re)filled
};

Page* make_signals_page(AppContext& context, QWidget* parent);

}  // namespace mk::gui
