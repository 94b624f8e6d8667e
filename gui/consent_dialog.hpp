// "Toestemming vastleggen": a person's written consent to disclosures to one partner for one
// purpose. The person is one of the case's persons; partner and purpose are those of the sharing
// policy in force (service::load_sharing), with whether the purpose needs consent and from which
// age the person signs themselves; the signer is the person, a parent or a guardian; the date given
// defaults to today by the session's clock.
//
// "Vastleggen" calls service::record_consent on the worker. The service decides what is valid (a
// date in the future, a partner not registered in the vault for this purpose ...): a refusal is
// shown in the dialog in the service's words, nothing is recorded, and the dialog stays open to
// correct the input. On success the dialog closes accepted and recorded_id() names the consent.
#pragma once

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <string>
#include <vector>

#include "policies/sharing_policy.hpp"

namespace mk::gui {

class AppContext;

class ConsentDialog : public QDialog {
  Q_OBJECT

 public:
  // Requires an unlocked `context`. `person_ids`: the case's persons to choose from.
  ConsentDialog(AppContext& context, const std::vector<std::string>& person_ids,
                QWidget* parent = nullptr);

  QComboBox* person_box() const { return person_; }
  QComboBox* partner_box() const { return partner_; }
  QComboBox* purpose_box() const { return purpose_; }
  QComboBox* signer_box() const { return signer_; }
  QDateEdit* date_edit() const { return given_; }
  QPushButton* save_button() const { return save_; }

  // Chooses the partner and purpose by their sharing.json ids; false when the policy has no such
  // pair.
  bool choose(const QString& partner, const QString& purpose);
  // The refusal shown ("" when none).
  QString error_text() const { return error_->text(); }
  // The new consent's id once it was recorded ("" before).
  const std::string& recorded_id() const { return recorded_id_; }

 private:
  void fill_purposes();
  void describe_purpose();
  void save();

  AppContext& ctx_;
  policies::SharingPolicy policy_;
  QComboBox* person_;
  QComboBox* partner_;
  QComboBox* purpose_;
  QLabel* purpose_note_;
  QComboBox* signer_;
  QDateEdit* given_;
  QLabel* error_;
  QPushButton* save_ = nullptr;
  std::string recorded_id_;
};

}  // namespace mk::gui
