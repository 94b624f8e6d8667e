#include "gui/decision_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "gui/case_words.hpp"

namespace mk::gui {
namespace {

QString item_key(const QString& kind, int number) {
  return kind + QLatin1Char(':') + QString::number(number);
}

}  // namespace

DecisionDialog::DecisionDialog(const policies::MeldcodePolicy& policy,
                               const service::MeldcodeSuggestion& next, QWidget* parent)
    : QDialog(parent),
      policy_(policy),
      item_(new QComboBox(this)),
      answer_(new QComboBox(this)),
      rationale_(new QPlainTextEdit(this)) {
  setWindowTitle(tr("Besluit vastleggen"));
  item_->setObjectName(QStringLiteral("item"));
  answer_->setObjectName(QStringLiteral("answer"));
  rationale_->setObjectName(QStringLiteral("rationale"));
  for (const policies::MeldcodeStep& step : policy.steps()) {
    item_->addItem(tr("Stap %1: %2").arg(step.number).arg(qs(step.label_nl)),
                   item_key(QStringLiteral("step"), step.number));
    for (const policies::MeldcodeQuestion& q : step.questions) {
      item_->addItem(tr("    Vraag %1: %2").arg(q.number).arg(qs(q.label_nl)),
                     item_key(QStringLiteral("question"), q.number));
    }
  }
  item_->setMinimumContentsLength(60);
  item_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  rationale_->setPlaceholderText(tr("Waarom dit besluit? (wordt versleuteld bewaard)"));
  rationale_->setTabChangesFocus(true);

  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  form->addRow(tr("&Onderdeel:"), item_);
  form->addRow(tr("&Antwoord:"), answer_);
  form->addRow(tr("&Toelichting:"), rationale_);
  layout->addLayout(form);
  auto* note = new QLabel(tr("Een besluit wordt nooit gewijzigd: een nieuw besluit over hetzelfde "
                             "onderdeel komt erbij en geldt vanaf dan."),
                          this);
  note->setWordWrap(true);
  layout->addWidget(note);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Vastleggen"));
  buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuleren"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(item_, &QComboBox::currentIndexChanged, this, &DecisionDialog::fill_answers);

  using Kind = service::MeldcodeSuggestion::Kind;
  if (next.kind == Kind::kStep) choose_item(QStringLiteral("step"), next.number);
  if (next.kind == Kind::kQuestion) choose_item(QStringLiteral("question"), next.number);
  fill_answers();
  if (next.decision) choose_answer(qs(*next.decision));
}

bool DecisionDialog::choose_item(const QString& kind, int number) {
  const int at = item_->findData(item_key(kind, number));
  if (at < 0) return false;
  item_->setCurrentIndex(at);
  fill_answers();
  return true;
}

bool DecisionDialog::choose_answer(const QString& code) {
  const int at = answer_->findData(code);
  if (at < 0) return false;
  answer_->setCurrentIndex(at);
  return true;
}

void DecisionDialog::fill_answers() {
  answer_->clear();
  const QStringList key = item_->currentData().toString().split(QLatin1Char(':'));
  if (key.size() != 2) return;
  const int number = key[1].toInt();
  const std::vector<std::string>* codes = nullptr;
  if (key[0] == QLatin1String("step")) {
    if (const policies::MeldcodeStep* s = policy_.step(number)) codes = &s->answers;
  } else if (const policies::MeldcodeQuestion* q = policy_.question(number)) {
    codes = &q->answers;
  }
  if (codes == nullptr) return;
  for (const std::string& code : *codes) {
    const policies::MeldcodeAnswer* a = policy_.answer(code);
    answer_->addItem(a != nullptr ? qs(a->label_nl) : qs(code), qs(code));
  }
}

service::DecisionRequest DecisionDialog::request() const {
  service::DecisionRequest r;
  const QStringList key = item_->currentData().toString().split(QLatin1Char(':'));
  if (key.size() == 2) {
    if (key[0] == QLatin1String("step")) {
      r.step = key[1].toInt();
    } else {
      r.question = key[1].toStdString();
    }
  }
  r.answer = answer_->currentData().toString().toStdString();
  const QString rationale = rationale_->toPlainText().trimmed();
  if (!rationale.isEmpty()) r.rationale = rationale.toStdString();
  return r;
}

}  // namespace mk::gui
