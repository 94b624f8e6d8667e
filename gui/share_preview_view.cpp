#include "gui/share_preview_view.hpp"

#include <QBrush>
#include <QColor>
#include <QVBoxLayout>

#include "gui/case_words.hpp"
#include "gui/record_names.hpp"
#include "gui/record_table.hpp"
#include "gui/share_refusal_text.hpp"

namespace mk::gui {
namespace {

QColor fate_colour(const std::string& fate) {
  if (fate == "include") return QColor(0xdf, 0xf0, 0xd8);
  if (fate == "pseudonymise") return QColor(0xd9, 0xe7, 0xf7);
  if (fate == "generalise") return QColor(0xfc, 0xf0, 0xcf);
  return QColor(0xe6, 0xe6, 0xe6);
}

}  // namespace

SharePreviewView::SharePreviewView(QWidget* parent)
    : QWidget(parent),
      basis_(new QLabel(this)),
      table_(make_record_table(
          {tr("Onderdeel"), tr("Veld"), tr("Behandeling"), tr("Regel of reden")}, this)),
      refusal_(new QLabel(this)) {
  table_->setObjectName(QStringLiteral("preview"));
  refusal_->setObjectName(QStringLiteral("refusal"));
  basis_->setWordWrap(true);
  basis_->setTextFormat(Qt::RichText);
  basis_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  refusal_->setWordWrap(true);
  refusal_->setTextFormat(Qt::RichText);
  refusal_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  refusal_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  refusal_->setStyleSheet(
      QStringLiteral("QLabel { background: #fbeaea; border: 1px solid #d9a3a3; padding: 12px; }"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(basis_);
  layout->addWidget(table_, 1);
  layout->addWidget(refusal_, 1);
  clear();
}

void SharePreviewView::show_preview(const service::SharePreview& p) {
  refused_ = false;
  refusal_->hide();
  basis_->setText(
      tr("<b>Naar:</b> %1<br><b>Doel:</b> %2<br><b>Grondslag:</b> %3<br><b>Bron:</b> %4<br>"
         "<b>Records in het pakket:</b> %5")
          .arg(qs(p.partner_name).toHtmlEscaped(), qs(p.purpose).toHtmlEscaped(),
               qs(p.legal_basis).toHtmlEscaped(), qs(p.legal_basis_reference).toHtmlEscaped())
          .arg(p.record_count));
  basis_->show();
  std::vector<QStringList> rows;
  std::vector<std::string> fates;
  for (const service::FieldLine& f : p.record_fields) {
    rows.push_back(
        {tr("Zaak en meldingen"), share_field_words(f.field), fate_words(f.fate), qs(f.why)});
    fates.push_back(f.fate);
  }
  for (const service::PersonPreview& person : p.persons) {
    const QString role = registers::person_role_text(person.role);
    if (!person.shared) {
      rows.push_back({tr("Persoon %1 (%2)").arg(qs(person.person_id), role), tr("alle velden"),
                      tr("Achtergehouden (hele persoon)"),
                      person_reason(qs(person.withheld_reason))});
      fates.push_back("withhold");
      continue;
    }
    const QString who =
        tr("Persoon %1 (%2, pseudoniem %3)").arg(qs(person.person_id), role, qs(person.pseudonym));
    for (const service::FieldLine& f : person.fields) {
      rows.push_back({who, share_field_words(f.field), fate_words(f.fate), qs(f.why)});
      fates.push_back(f.fate);
    }
  }
  set_rows(*table_, rows);
  for (int r = 0; r < table_->rowCount(); ++r) {
    if (QTableWidgetItem* item = table_->item(r, 2))
      item->setBackground(QBrush(fate_colour(fates[static_cast<std::size_t>(r)])));
  }
  table_->show();
}

void SharePreviewView::show_refusal(const QString& message) {
  refused_ = true;
  basis_->hide();
  table_->hide();
  set_rows(*table_, {});
  QString items;
  for (const QString& reason : refusal_reasons(message))
    items += QStringLiteral("<li>%1</li>").arg(reason.toHtmlEscaped());
  refusal_->setText(
      tr("<h3>Delen is niet toegestaan</h3>"
         "<p>Het verstrekkingsbeleid staat deze verstrekking niet toe. Er wordt niets "
         "geëxporteerd en niets vastgelegd in het verstrekkingenregister; de weigering staat "
         "in het auditlog.</p><p><b>Waarom:</b></p><ul>%1</ul>"
         "<p style='color:#555'>Reden zoals het beleid hem geeft: %2</p>")
          .arg(items, message.toHtmlEscaped()));
  refusal_->show();
}

void SharePreviewView::clear() {
  refused_ = false;
  basis_->clear();
  set_rows(*table_, {});
  refusal_->clear();
  refusal_->hide();
}

}  // namespace mk::gui
