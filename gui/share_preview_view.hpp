// Step 2 of the share dialog: what the share would send, field by field. Either the preview (the
// partner, purpose and legal basis, then one row per field of the case, its signals and each
// person: the field, its fate - meegestuurd, gepseudonimiseerd, gegeneraliseerd, achtergehouden -
// and the rule or reason that decided it), or the refusal, in plain Dutch, when the policy does not
// allow the share.
#pragma once

#include <QLabel>
#include <QStringList>
#include <QTableWidget>
#include <QWidget>

#include "service/sharing.hpp"

namespace mk::gui {

class SharePreviewView : public QWidget {
  Q_OBJECT

 public:
  explicit SharePreviewView(QWidget* parent = nullptr);

  void show_preview(const service::SharePreview& preview);
  // `message`: the service's refusal (a kDisclosureRefused Status message).
  void show_refusal(const QString& message);
  void clear();

  bool refused() const { return refused_; }
  QTableWidget* table() const { return table_; }  // Onderdeel, Veld, Behandeling, Regel of reden
  QLabel* refusal_label() const { return refusal_; }

 private:
  bool refused_ = false;
  QLabel* basis_;
  QTableWidget* table_;
  QLabel* refusal_;
};

}  // namespace mk::gui
