// IntakeDialog: registering a new signal (melding) as the coordinator takes it in. The received
// date, the source, the suspected forms, the indicator checklist by axis (dwang, uitbuiting and
// the HTCDS methods of control, grouped as the catalogue groups them), the persons involved with
// their roles, the minor flag, the assessment and the narrative; beside them the routing
// suggestion of policies/routing.json, updated as indicators are ticked.
//
// Saving is one service call (service::register_intake, one unit of work) on a worker thread:
// the signal and its new persons are stored together or not at all. Input the dialog can check
// (dates, names) is refused with a Dutch message before anything is sent; an error of the service
// is shown and changes nothing. Widgets carry object names for tests: "received", "sourceKind",
// "sourceTeam", "form:<code>", "indicator:<code>", "personRole", "personGiven", "personFamily",
// "personBirth", "personNationality", "addPerson", "removePerson", "persons", "minor", "scale",
// "severity", "nature", "narrative", "routing", "error", "save".
#pragma once

#include <QDialog>
#include <QString>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "policies/routing_policy.hpp"
#include "policies/sharing_policy.hpp"
#include "service/casework.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace mk::gui {

class AppContext;

class IntakeDialog : public QDialog {
  Q_OBJECT

 public:
  // Requires an unlocked context. Reads the catalogue and the routing policy once.
  explicit IntakeDialog(AppContext& context, QWidget* parent = nullptr);
  ~IntakeDialog() override;

  // The saved signal's id; empty until the dialog was accepted.
  const QString& signal_id() const { return signal_id_; }
  // The routing suggestion as shown (for tests): one line per partner and purpose.
  QString routing_text() const;
  // The error shown ("" when none).
  QString error_text() const;

 public Q_SLOTS:
  // Checks and saves; accepts the dialog on success.
  void save();

 private Q_SLOTS:
  void add_person_row();
  void remove_person_row();
  void update_routing();

 private:
  QWidget* build_signal_box();
  QWidget* build_forms_box();
  QWidget* build_indicator_tabs();
  QWidget* build_persons_box();
  QWidget* build_assessment_box();
  QWidget* build_routing_box();
  void show_error(const QString& text);
  std::vector<std::string> ticked_forms() const;
  std::vector<std::string> ticked_indicators() const;
  void update_tab_titles();

  AppContext& ctx_;
  QLineEdit* received_ = nullptr;
  QComboBox* source_kind_ = nullptr;
  QLineEdit* source_team_ = nullptr;
  std::map<std::string, QCheckBox*> forms_;
  std::map<std::string, QCheckBox*> indicators_;
  QTabWidget* indicator_tabs_ = nullptr;
  std::vector<std::pair<int, std::vector<std::string>>> tab_codes_;  // tab index, its codes
  QComboBox* person_role_ = nullptr;
  QLineEdit* person_given_ = nullptr;
  QLineEdit* person_family_ = nullptr;
  QLineEdit* person_birth_ = nullptr;
  QLineEdit* person_nationality_ = nullptr;
  QTableWidget* persons_ = nullptr;
  std::vector<service::NewPerson> new_persons_;  // row by row, as in persons_
  QComboBox* minor_ = nullptr;
  QComboBox* scale_ = nullptr;
  QComboBox* severity_ = nullptr;
  QPlainTextEdit* nature_ = nullptr;
  QPlainTextEdit* narrative_ = nullptr;
  QLabel* routing_ = nullptr;
  QLabel* error_ = nullptr;
  QPushButton* save_ = nullptr;
  std::optional<policies::RoutingPolicy> routing_policy_;
  std::optional<policies::SharingPolicy> sharing_policy_;
  QString routing_problem_;
  QString signal_id_;
};

}  // namespace mk::gui
