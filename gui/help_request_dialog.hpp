// "Hulpverzoek toevoegen": the kind of help, the responsible team (a team's name, never a
// person's) and, optionally, the person in the case it is for. The norm time and due date are the
// service's business (from the norm-time policy); the dialog only collects the request.
#pragma once

#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QStringList>

#include "service/help_requests.hpp"

namespace mk::gui {

class HelpRequestDialog : public QDialog {
  Q_OBJECT

 public:
  // `persons`: the case's persons as (id, label) pairs to choose from.
  HelpRequestDialog(const std::string& case_id,
                    const std::vector<std::pair<QString, QString>>& persons,
                    QWidget* parent = nullptr);

  QComboBox* kind_box() const { return kind_; }
  QLineEdit* team_edit() const { return team_; }
  QComboBox* person_box() const { return person_; }
  service::NewHelpRequest request() const;

 private:
  std::string case_id_;
  QComboBox* kind_;
  QLineEdit* team_;
  QComboBox* person_;
};

}  // namespace mk::gui
