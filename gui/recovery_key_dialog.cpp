#include "gui/recovery_key_dialog.hpp"

#include <QDate>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QVBoxLayout>

namespace mk::gui {
namespace {

// QPainter::drawText takes alignment and text flags as one int.
constexpr int kWrapLeft = static_cast<int>(Qt::AlignLeft) | static_cast<int>(Qt::TextWordWrap);
constexpr int kWrapCentre =
    static_cast<int>(Qt::AlignCenter) | static_cast<int>(Qt::TextWrapAnywhere);

}  // namespace

RecoveryKeyDialog::RecoveryKeyDialog(const QString& printed_key, QWidget* parent)
    : QDialog(parent), key_(printed_key) {
  setWindowTitle(tr("Herstelsleutel"));
  setModal(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(24, 24, 24, 24);
  layout->setSpacing(14);

  auto* heading = new QLabel(tr("Bewaar de herstelsleutel"), this);
  QFont big = heading->font();
  big.setPointSizeF(big.pointSizeF() * 1.4);
  big.setBold(true);
  heading->setFont(big);
  layout->addWidget(heading);

  auto* explanation = new QLabel(
      tr("Met deze sleutel opent u de kluis als de wachtwoordzin kwijt is. Hij wordt nu één keer "
         "getoond en is daarna niet meer op te vragen. Druk hem af of schrijf hem over en bewaar "
         "hem op een veilige plek, niet op deze computer."),
      this);
  explanation->setWordWrap(true);
  layout->addWidget(explanation);

  key_label_ = new QLabel(key_, this);
  QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  mono.setPointSizeF(mono.pointSizeF() * 1.3);
  key_label_->setFont(mono);
  key_label_->setWordWrap(true);
  key_label_->setAlignment(Qt::AlignCenter);
  key_label_->setFrameShape(QFrame::StyledPanel);
  key_label_->setMargin(12);
  key_label_->setAccessibleName(tr("Herstelsleutel"));
  layout->addWidget(key_label_);

  pdf_ = new QPushButton(tr("&Opslaan als PDF…"), this);
  pdf_->setToolTip(
      tr("Sla de sleutel op als PDF om hem af te drukken; verwijder het bestand "
         "daarna."));
  connect(pdf_, &QPushButton::clicked, this, &RecoveryKeyDialog::choose_pdf_file);
  auto* pdf_row = new QHBoxLayout;
  pdf_row->addWidget(pdf_);
  pdf_row->addStretch();
  layout->addLayout(pdf_row);

  saved_ = new QCheckBox(tr("&Ik heb de herstelsleutel bewaard"), this);
  layout->addWidget(saved_);

  close_ = new QPushButton(tr("&Sluiten"), this);
  close_->setEnabled(false);
  close_->setDefault(true);
  connect(saved_, &QCheckBox::toggled, close_, &QPushButton::setEnabled);
  connect(close_, &QPushButton::clicked, this, &QDialog::accept);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(close_);
  layout->addLayout(buttons);

  setTabOrder(pdf_, saved_);
  setTabOrder(saved_, close_);
  setMinimumWidth(520);
}

RecoveryKeyDialog::~RecoveryKeyDialog() {
  key_.fill(QChar(u' '));
  key_label_->clear();
}

void RecoveryKeyDialog::done(int result) {
  if (!saved_->isChecked()) return;  // the key is shown only once: it must be kept first
  key_label_->clear();
  QDialog::done(result);
}

void RecoveryKeyDialog::choose_pdf_file() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Herstelsleutel opslaan als PDF"),
                                                    QStringLiteral("herstelsleutel.pdf"),
                                                    tr("PDF-bestanden (*.pdf)"));
  if (file.isEmpty()) return;
  if (!save_pdf(file)) {
    QMessageBox::warning(this, tr("Opslaan mislukt"),
                         tr("Het PDF-bestand kon niet worden geschreven."));
  }
}

bool RecoveryKeyDialog::save_pdf(const QString& file) const {
  QPdfWriter writer(file);
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setResolution(300);
  writer.setTitle(tr("Herstelsleutel Meldkluis"));
  QPainter painter;
  if (!painter.begin(&writer)) return false;
  const int width = writer.width();
  const int margin = 150;
  QFont title_font(QStringLiteral("Sans"), 20, QFont::Bold);
  QFont body_font(QStringLiteral("Sans"), 11);
  QFont key_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  key_font.setPointSize(16);

  int y = margin;
  painter.setFont(title_font);
  QRect title_box(margin, y, width - 2 * margin, 200);
  painter.drawText(title_box, kWrapLeft, tr("Herstelsleutel Meldkluis"));
  y += 250;
  painter.setFont(body_font);
  QRect body_box(margin, y, width - 2 * margin, 500);
  painter.drawText(body_box, kWrapLeft,
                   tr("Met deze sleutel opent u de kluis als de wachtwoordzin kwijt is. Bewaar "
                      "dit papier op een veilige plek, gescheiden van de computer. Verwijder het "
                      "PDF-bestand na het afdrukken.\n\nAangemaakt op %1.")
                       .arg(QDate::currentDate().toString(QStringLiteral("dd-MM-yyyy"))));
  y += 550;
  painter.setFont(key_font);
  QRect key_box(margin, y, width - 2 * margin, 600);
  painter.drawRect(key_box.adjusted(-30, -30, 30, 30));
  painter.drawText(key_box, kWrapCentre, key_);
  return painter.end();
}

}  // namespace mk::gui
