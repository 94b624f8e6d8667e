#include "gui/share_register_view.hpp"

#include <QVBoxLayout>

#include "gui/case_words.hpp"
#include "gui/dutch_format.hpp"

namespace mk::gui {
namespace {

QString fields_words(const std::vector<std::string>& fields) {
  QStringList out;
  for (const std::string& f : fields)
    out << share_field_words(f);
  return out.isEmpty() ? QStringLiteral("–") : out.join(QStringLiteral(", "));
}

}  // namespace

ShareRegisterView::ShareRegisterView(QWidget* parent)
    : QWidget(parent), intro_(new QLabel(this)), form_(new QFormLayout) {
  intro_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(intro_);
  form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  layout->addLayout(form_);
  layout->addStretch();
}

void ShareRegisterView::add(const QString& label, const QString& value) {
  auto* v = new QLabel(value, this);
  v->setWordWrap(true);
  v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  form_->addRow(label, v);
}

void ShareRegisterView::show_entry(const vault::Disclosure& d,
                                   const service::ShareReceipt& receipt) {
  clear();
  intro_->setText(
      tr("Het pakket is geschreven en ondertekend, en de verstrekking is vastgelegd in het "
         "verstrekkingenregister. Geef de partner beide bestanden; de partner controleert de "
         "handtekening met minisign en opent het pakket met age."));
  add(tr("Verstrekking:"), qs(d.id));
  add(tr("Datum:"), format_instant(d.time));
  add(tr("Door:"), qs(d.actor));
  add(tr("Partner:"), QStringLiteral("%1 (%2)").arg(qs(d.partner), qs(d.partner_kind)));
  add(tr("Doel:"), qs(d.purpose));
  add(tr("Grondslag:"), qs(d.legal_basis));
  add(tr("Meegestuurd:"), fields_words(d.fields));
  add(tr("Gepseudonimiseerd:"), fields_words(d.pseudonymised));
  add(tr("Gegeneraliseerd:"), fields_words(d.generalised));
  add(tr("Achtergehouden:"), fields_words(d.withheld));
  add(tr("Records:"), QString::number(d.record_count));
  add(tr("SHA-256 van het pakket:"), qs(d.package_sha256));
  add(tr("Pakket:"), QString::fromStdString(receipt.package.string()));
  add(tr("Handtekening:"), QString::fromStdString(receipt.signature.string()));
}

void ShareRegisterView::clear() {
  intro_->clear();
  while (form_->rowCount() > 0)
    form_->removeRow(0);
}

QString ShareRegisterView::text() const {
  QStringList lines;
  for (int r = 0; r < form_->rowCount(); ++r) {
    auto* label = qobject_cast<QLabel*>(form_->itemAt(r, QFormLayout::LabelRole)->widget());
    auto* value = qobject_cast<QLabel*>(form_->itemAt(r, QFormLayout::FieldRole)->widget());
    if (label != nullptr && value != nullptr)
      lines << label->text() + QLatin1Char(' ') + value->text();
  }
  return lines.join(QLatin1Char('\n'));
}

}  // namespace mk::gui
