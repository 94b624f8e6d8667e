#include "gui/meldcode_panel.hpp"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/case_words.hpp"
#include "gui/decision_dialog.hpp"
#include "gui/dutch_format.hpp"
#include "gui/record_table.hpp"

namespace mk::gui {
namespace {

QString answer_words(const policies::MeldcodePolicy& policy, const std::string& code) {
  const policies::MeldcodeAnswer* a = policy.answer(code);
  return a != nullptr ? qs(a->label_nl) : qs(code);
}

QString item_words(vault::MeldcodeItem item, int number) {
  return item == vault::MeldcodeItem::kStep
             ? QCoreApplication::translate("mk::gui::MeldcodePanel", "Stap %1").arg(number)
             : QCoreApplication::translate("mk::gui::MeldcodePanel", "Vraag %1").arg(number);
}

QString rationale_words(const vault::MeldcodeDecision& d) {
  if (d.rationale) return qs(*d.rationale).replace(QLatin1Char('\n'), QLatin1Char(' '));
  return d.has_rationale ? QCoreApplication::translate("mk::gui::MeldcodePanel", "(versleuteld)")
                         : QString();
}

QStringList in_force_row(const service::MeldcodeView& view, vault::MeldcodeItem item, int number,
                         const std::string& code, const std::string& label, bool indent) {
  const vault::MeldcodeDecision* d = service::answer_in_force(view.decisions, item, code);
  QString name = item_words(item, number);
  if (indent) name = QStringLiteral("    ") + name;
  if (d == nullptr) return {name, qs(label), QStringLiteral("–")};
  return {name,
          qs(label),
          answer_words(view.policy, d->answer),
          format_instant(d->decided),
          qs(d->decided_by),
          rationale_words(*d)};
}

QString next_words(const service::MeldcodeView& view) {
  using Kind = service::MeldcodeSuggestion::Kind;
  const service::MeldcodeSuggestion& next = view.next;
  auto tr = [](const char* text) {
    return QCoreApplication::translate("mk::gui::MeldcodePanel", text);
  };
  if (next.kind == Kind::kComplete) return tr("Alle stappen van de Meldcode zijn doorlopen.");
  QString out;
  if (next.kind == Kind::kQuestion) {
    const policies::MeldcodeQuestion* q = view.policy.question(next.number);
    out = tr("Volgende stap: afwegingskader vraag %1").arg(next.number);
    if (q != nullptr) out += QStringLiteral(": ") + qs(q->label_nl);
  } else {
    const policies::MeldcodeStep* s = view.policy.step(next.number);
    out = tr("Volgende stap: stap %1").arg(next.number);
    if (s != nullptr) out += QStringLiteral(": ") + qs(s->label_nl);
  }
  if (next.decision) {
    out += QStringLiteral("\n") +
           tr("Het afwegingskader wijst op: %1 (vanwege vraag %2)")
               .arg(answer_words(view.policy, *next.decision), qs(next.because));
  }
  return out;
}

}  // namespace

MeldcodePanel::MeldcodePanel(AppContext& context, QWidget* parent)
    : CasePanel(context, parent),
      next_(new QLabel(this)),
      items_(make_record_table({tr("Onderdeel"), tr("Omschrijving"), tr("Antwoord"), tr("Wanneer"),
                                tr("Door"), tr("Toelichting")},
                               this)),
      history_(make_record_table({tr("Besluit"), tr("Wanneer"), tr("Door"), tr("Onderdeel"),
                                  tr("Antwoord"), tr("Toelichting")},
                                 this)),
      decide_(new QPushButton(tr("&Besluit vastleggen…"), this)) {
  next_->setObjectName(QStringLiteral("next_step"));
  next_->setWordWrap(true);
  next_->setStyleSheet(
      QStringLiteral("QLabel { background: #eef4fb; border: 1px solid #b8cfe8; padding: 6px; }"));
  decide_->setObjectName(QStringLiteral("decide"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(next_);
  layout->addWidget(
      new QLabel(tr("<b>Stappen en afwegingskader</b> (het geldende antwoord)"), this));
  layout->addWidget(items_, 3);
  layout->addWidget(new QLabel(tr("<b>Vastgelegde besluiten</b> (oudste eerst)"), this));
  layout->addWidget(history_, 2);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(decide_);
  buttons->addStretch();
  layout->addLayout(buttons);
  layout->addWidget(error_label());
  connect(decide_, &QPushButton::clicked, this, &MeldcodePanel::decide);
  clear();
}

void MeldcodePanel::load(const CaseFacts& facts) {
  case_id_ = facts.case_id;
  Result<service::MeldcodeView> view = service::show_meldcode(context().session(), case_id_);
  if (!report(view.status())) {
    view_.reset();
    set_rows(*items_, {});
    set_rows(*history_, {});
    return;
  }
  view_ = std::move(*view);
  std::vector<QStringList> rows;
  for (const policies::MeldcodeStep& step : view_->policy.steps()) {
    rows.push_back(in_force_row(*view_, vault::MeldcodeItem::kStep, step.number, step.code,
                                step.label_nl, false));
    for (const policies::MeldcodeQuestion& q : step.questions) {
      rows.push_back(
          in_force_row(*view_, vault::MeldcodeItem::kQuestion, q.number, q.code, q.label_nl, true));
    }
  }
  set_rows(*items_, rows);
  items_->setColumnWidth(1, 420);
  std::vector<QStringList> history;
  for (const vault::MeldcodeDecision& d : view_->decisions) {
    history.push_back({qs(d.id), format_instant(d.decided), qs(d.decided_by),
                       item_words(d.item, d.number), answer_words(view_->policy, d.answer),
                       rationale_words(d)});
  }
  set_rows(*history_, history);
  next_->setText(next_words(*view_));
  decide_->setEnabled(!facts.closed);
}

void MeldcodePanel::clear() {
  case_id_.clear();
  view_.reset();
  next_->clear();
  set_rows(*items_, {});
  set_rows(*history_, {});
  decide_->setEnabled(false);
}

void MeldcodePanel::decide() {
  if (!view_) return;
  DecisionDialog dialog(view_->policy, view_->next, this);
  if (dialog.exec() != QDialog::Accepted) return;
  Result<std::string> id = service::decide(context().session(), case_id_, dialog.request());
  if (!report(id.status())) return;
  Q_EMIT changed();
}

}  // namespace mk::gui
