// "Slachtoffer toevoegen": the identity fields of a new person, typed by the coordinator. The
// dialog only collects them (the service checks and stores them): a name is required; a date of
// birth, when given, is a real date written dd-mm-jjjj. Each field's QLineEdit is named after the
// field ("name", "date_of_birth", ...) so tests and screen readers can find it.
#pragma once

#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <array>

#include "vault/person.hpp"

namespace mk::gui {

class AddPersonDialog : public QDialog {
  Q_OBJECT

 public:
  explicit AddPersonDialog(QWidget* parent = nullptr);

  QLineEdit* field(vault::PersonField f) const { return edits_[static_cast<std::size_t>(f)]; }
  // The typed fields; empty ones absent, the date of birth as ISO "YYYY-MM-DD". Requires an
  // accepted dialog (is_complete()).
  vault::PersonIdentity identity() const;
  bool is_complete() const;

 private:
  void update_ok();
  std::array<QLineEdit*, vault::kPersonFieldCount> edits_{};
  QDialogButtonBox* buttons_;
};

}  // namespace mk::gui
