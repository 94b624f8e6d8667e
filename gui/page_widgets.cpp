#include "gui/page_widgets.hpp"

#include <QCoreApplication>
#include <QHeaderView>
#include <QPalette>

namespace mk::gui::registers {

namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("mk::gui::PageWidgets", text);
}

QString lead_word(Code code) {
  switch (code) {
    case Code::kOk:
      return tr("Gelukt");
    case Code::kInvalidInput:
      return tr("Ongeldige invoer");
    case Code::kNotFound:
      return tr("Niet gevonden");
    case Code::kWrongPassphrase:
      return tr("Onjuist wachtwoord");
    case Code::kVaultCorrupt:
      return tr("Kluis beschadigd of gewijzigd");
    case Code::kVaultInUse:
      return tr("Kluis in gebruik");
    case Code::kPolicyInvalid:
      return tr("Beleidsbestand ongeldig");
    case Code::kDisclosureRefused:
      return tr("Verstrekking geweigerd");
    case Code::kForbidden:
      return tr("Niet toegestaan voor deze rol");
    case Code::kConflict:
      return tr("Conflict");
    case Code::kIo:
      return tr("Bestandsfout");
    case Code::kInternal:
      return tr("Interne fout");
  }
  return tr("Fout");
}

}  // namespace

QLabel* make_heading(const QString& text, QWidget* parent, bool section) {
  auto* label = new QLabel(text, parent);
  QFont f = label->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * (section ? 1.15 : 1.45));
  label->setFont(f);
  label->setAccessibleName(text);
  return label;
}

QLabel* make_note(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  QPalette p = label->palette();
  p.setColor(QPalette::WindowText, QColor(0x5f, 0x63, 0x68));
  label->setPalette(p);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  return label;
}

QTableView* make_table_view(QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setAlternatingRowColors(true);
  view->setWordWrap(false);
  view->verticalHeader()->setVisible(false);
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  view->horizontalHeader()->setStretchLastSection(true);
  view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  view->setTabKeyNavigation(false);
  return view;
}

void fit_columns(QTableView* view) {
  // Contents-sized columns read well for small registers; large models keep their widths (sizing
  // to contents would visit every row).
  if (view->model() != nullptr && view->model()->rowCount() <= 2000) {
    view->resizeColumnsToContents();
  }
}

QString status_text(const Status& status) {
  if (status.is_ok()) return lead_word(Code::kOk);
  return lead_word(status.code()) + QStringLiteral(": ") + QString::fromStdString(status.message());
}

QString short_hash(const std::string& hex) {
  if (hex.size() <= 16) return QString::fromStdString(hex);
  return QString::fromStdString(hex.substr(0, 16)) + QChar(0x2026);
}

}  // namespace mk::gui::registers
