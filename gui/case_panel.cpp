#include "gui/case_panel.hpp"

#include "gui/page_widgets.hpp"

namespace mk::gui {

CasePanel::CasePanel(AppContext& context, QWidget* parent)
    : QWidget(parent), ctx_(context), error_(new QLabel(this)) {
  error_->setObjectName(QStringLiteral("error"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #a40000;"));
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->hide();
}

bool CasePanel::report(const Status& status) {
  if (status.is_ok()) {
    error_->clear();
    error_->hide();
    return true;
  }
  error_->setText(registers::status_text(status));
  error_->show();
  return false;
}

}  // namespace mk::gui
