// Step 4 of the share dialog: the disclosure register's entry the export wrote (id, date, partner,
// purpose, legal basis, the fields as sent, pseudonymised, generalised and withheld, the record
// count, the package's SHA-256) and the two files written.
#pragma once

#include <QFormLayout>
#include <QLabel>
#include <QWidget>

#include "service/sharing.hpp"
#include "vault/disclosure_register.hpp"

namespace mk::gui {

class ShareRegisterView : public QWidget {
  Q_OBJECT

 public:
  explicit ShareRegisterView(QWidget* parent = nullptr);

  void show_entry(const vault::Disclosure& entry, const service::ShareReceipt& receipt);
  void clear();
  // Every label and value shown, one "label value" per line (for tests and copying).
  QString text() const;

 private:
  void add(const QString& label, const QString& value);
  QLabel* intro_;
  QFormLayout* form_;
};

}  // namespace mk::gui
