#include "gui/intake_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "gui/app_context.hpp"
#include "gui/dutch_format.hpp"
#include "gui/signal_labels.hpp"
#include "gui/task_runner.hpp"
#include "service/sharing.hpp"

namespace mk::gui {
namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

template <typename E>
void add_items(QComboBox* box, std::initializer_list<E> values, QString (*label)(E)) {
  for (E v : values)
    box->addItem(label(v), static_cast<int>(v));
}

template <typename E>
std::optional<E> chosen(const QComboBox* box) {
  QVariant v = box->currentData();
  if (!v.isValid()) return std::nullopt;
  return static_cast<E>(v.toInt());
}

QString role_label(vault::PersonRole role) {
  switch (role) {
    case vault::PersonRole::kVictim:
      return IntakeDialog::tr("Slachtoffer");
    case vault::PersonRole::kSuspect:
      return IntakeDialog::tr("Verdachte");
    case vault::PersonRole::kReporter:
      return IntakeDialog::tr("Melder");
    case vault::PersonRole::kOther:
      return IntakeDialog::tr("Anders");
  }
  return {};
}

}  // namespace

IntakeDialog::IntakeDialog(AppContext& context, QWidget* parent) : QDialog(parent), ctx_(context) {
  setWindowTitle(tr("Nieuw signaal"));
  Result<policies::SharingPolicy> sharing = service::load_sharing(ctx_.session());
  if (sharing) sharing_policy_.emplace(std::move(*sharing));
  Result<policies::RoutingPolicy> routing = service::load_routing(ctx_.session());
  if (routing) {
    routing_policy_.emplace(std::move(*routing));
  } else {
    routing_problem_ = tr("Geen routeringsadvies: het routeringsbeleid kon niet worden gelezen.");
  }

  auto* left = new QVBoxLayout;
  left->addWidget(build_signal_box());
  left->addWidget(build_forms_box());
  left->addWidget(build_persons_box());
  left->addWidget(build_assessment_box(), 1);
  auto* right = new QVBoxLayout;
  right->addWidget(build_indicator_tabs(), 1);
  indicator_tabs_->setMinimumHeight(250);
  right->addWidget(build_routing_box());

  auto* columns = new QHBoxLayout;
  columns->addLayout(left, 1);
  columns->addLayout(right, 1);
  auto* body = new QWidget;
  body->setLayout(columns);
  auto* scroll = new QScrollArea;
  scroll->setWidget(body);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  error_ = new QLabel;
  error_->setObjectName(QStringLiteral("error"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
  error_->hide();

  auto* buttons = new QDialogButtonBox;
  save_ = buttons->addButton(tr("Opslaan"), QDialogButtonBox::AcceptRole);
  save_->setObjectName(QStringLiteral("save"));
  save_->setDefault(false);
  save_->setAutoDefault(false);
  QPushButton* cancel = buttons->addButton(tr("Annuleren"), QDialogButtonBox::RejectRole);
  cancel->setAutoDefault(false);
  connect(save_, &QPushButton::clicked, this, &IntakeDialog::save);
  connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

  auto* outer = new QVBoxLayout(this);
  outer->addWidget(scroll, 1);
  outer->addWidget(error_);
  outer->addWidget(buttons);
  resize(1180, 820);
  update_routing();
}

IntakeDialog::~IntakeDialog() = default;

QWidget* IntakeDialog::build_signal_box() {
  auto* box = new QGroupBox(tr("Melding"));
  auto* form = new QFormLayout(box);
  received_ = new QLineEdit(format_date(service::today(ctx_.session())));
  received_->setObjectName(QStringLiteral("received"));
  received_->setPlaceholderText(tr("dd-mm-jjjj"));
  received_->setMaximumWidth(140);
  form->addRow(tr("&Ontvangen op"), received_);
  source_kind_ = new QComboBox;
  source_kind_->setObjectName(QStringLiteral("sourceKind"));
  add_items(source_kind_,
            {vault::SourceKind::kInternalTeam, vault::SourceKind::kPartner,
             vault::SourceKind::kResident, vault::SourceKind::kAnonymous},
            source_label);
  form->addRow(tr("&Bron"), source_kind_);
  source_team_ = new QLineEdit;
  source_team_->setObjectName(QStringLiteral("sourceTeam"));
  source_team_->setPlaceholderText(tr("bijv. Wijkteam Oost, Burgerzaken"));
  form->addRow(tr("&Team of organisatie"), source_team_);
  return box;
}

QWidget* IntakeDialog::build_forms_box() {
  auto* box = new QGroupBox(tr("Vermoede vormen"));
  auto* grid = new QGridLayout(box);
  int i = 0;
  for (const policies::TraffickingForm& f : ctx_.session().policies().indicators.forms()) {
    auto* check = new QCheckBox(qs(f.label_nl));
    check->setObjectName(QStringLiteral("form:") + qs(f.code));
    check->setToolTip(qs(f.reference));
    connect(check, &QCheckBox::toggled, this, &IntakeDialog::update_routing);
    forms_[f.code] = check;
    grid->addWidget(check, i / 3, i % 3);
    ++i;
  }
  return box;
}

QWidget* IntakeDialog::build_indicator_tabs() {
  const policies::IndicatorCatalogue& catalogue = ctx_.session().policies().indicators;
  auto* box = new QGroupBox(tr("Indicatoren"));
  auto* layout = new QVBoxLayout(box);
  indicator_tabs_ = new QTabWidget;
  for (policies::Axis axis :
       {policies::Axis::kCoercion, policies::Axis::kExploitation, policies::Axis::kControl}) {
    std::vector<const policies::IndicatorGroup*> groups = catalogue.groups_on(axis);
    if (groups.empty()) continue;
    auto* page = new QWidget;
    auto* page_layout = new QVBoxLayout(page);
    std::vector<std::string> codes;
    for (const policies::IndicatorGroup* g : groups) {
      auto* group_box = new QGroupBox(qs(g->label_nl));
      group_box->setToolTip(qs(g->reference));
      auto* list = new QVBoxLayout(group_box);
      list->setSpacing(2);
      for (const policies::Indicator* ind : catalogue.indicators_of(g->code)) {
        auto* check = new QCheckBox(qs(ind->label_nl));
        check->setObjectName(QStringLiteral("indicator:") + qs(ind->code));
        // Long labels are cut off at the column's edge; the tooltip holds the whole text.
        check->setToolTip(qs(ind->label_nl) + QStringLiteral("\n") + qs(ind->reference));
        connect(check, &QCheckBox::toggled, this, &IntakeDialog::update_routing);
        indicators_[ind->code] = check;
        codes.push_back(ind->code);
        list->addWidget(check);
      }
      page_layout->addWidget(group_box);
    }
    page_layout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int index = indicator_tabs_->addTab(scroll, axis_label(axis));
    tab_codes_.emplace_back(index, std::move(codes));
  }
  layout->addWidget(indicator_tabs_);
  return box;
}

QWidget* IntakeDialog::build_persons_box() {
  auto* box = new QGroupBox(tr("Betrokkenen"));
  auto* layout = new QVBoxLayout(box);
  auto* entry = new QHBoxLayout;
  person_role_ = new QComboBox;
  person_role_->setObjectName(QStringLiteral("personRole"));
  add_items(person_role_,
            {vault::PersonRole::kVictim, vault::PersonRole::kSuspect, vault::PersonRole::kReporter,
             vault::PersonRole::kOther},
            role_label);
  person_given_ = new QLineEdit;
  person_given_->setObjectName(QStringLiteral("personGiven"));
  person_given_->setPlaceholderText(tr("Voornaam"));
  person_family_ = new QLineEdit;
  person_family_->setObjectName(QStringLiteral("personFamily"));
  person_family_->setPlaceholderText(tr("Achternaam"));
  person_birth_ = new QLineEdit;
  person_birth_->setObjectName(QStringLiteral("personBirth"));
  person_birth_->setPlaceholderText(tr("Geboren dd-mm-jjjj"));
  person_nationality_ = new QLineEdit;
  person_nationality_->setObjectName(QStringLiteral("personNationality"));
  person_nationality_->setPlaceholderText(tr("Nationaliteit"));
  auto* add = new QPushButton(tr("&Toevoegen"));
  add->setObjectName(QStringLiteral("addPerson"));
  add->setAutoDefault(false);
  connect(add, &QPushButton::clicked, this, &IntakeDialog::add_person_row);
  connect(person_nationality_, &QLineEdit::returnPressed, this, &IntakeDialog::add_person_row);
  entry->addWidget(person_role_);
  entry->addWidget(person_given_, 2);
  entry->addWidget(person_family_, 2);
  entry->addWidget(person_birth_, 2);
  entry->addWidget(person_nationality_, 2);
  entry->addWidget(add);
  layout->addLayout(entry);

  persons_ = new QTableWidget(0, 5);
  persons_->setObjectName(QStringLiteral("persons"));
  persons_->setHorizontalHeaderLabels(
      {tr("Rol"), tr("Voornaam"), tr("Achternaam"), tr("Geboortedatum"), tr("Nationaliteit")});
  persons_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  persons_->setSelectionBehavior(QAbstractItemView::SelectRows);
  persons_->setSelectionMode(QAbstractItemView::SingleSelection);
  persons_->horizontalHeader()->setStretchLastSection(true);
  persons_->verticalHeader()->hide();
  persons_->setMinimumHeight(80);
  persons_->setMaximumHeight(110);
  layout->addWidget(persons_);
  auto* remove = new QPushButton(tr("Betrokkene &verwijderen"));
  remove->setObjectName(QStringLiteral("removePerson"));
  remove->setAutoDefault(false);
  connect(remove, &QPushButton::clicked, this, &IntakeDialog::remove_person_row);
  auto* row = new QHBoxLayout;
  row->addStretch(1);
  row->addWidget(remove);
  layout->addLayout(row);
  return box;
}

QWidget* IntakeDialog::build_assessment_box() {
  auto* box = new QGroupBox(tr("Beoordeling en relaas"));
  auto* form = new QFormLayout(box);
  minor_ = new QComboBox;
  minor_->setObjectName(QStringLiteral("minor"));
  add_items(minor_,
            {vault::MinorInvolved::kUnknown, vault::MinorInvolved::kYes, vault::MinorInvolved::kNo},
            minor_label);
  connect(minor_, &QComboBox::currentIndexChanged, this, &IntakeDialog::update_routing);
  form->addRow(tr("&Minderjarige betrokken"), minor_);
  scale_ = new QComboBox;
  scale_->setObjectName(QStringLiteral("scale"));
  scale_->addItem(tr("Nog niet beoordeeld"));
  add_items(scale_, {vault::Scale::kSingle, vault::Scale::kMultiple, vault::Scale::kOrganised},
            scale_label);
  form->addRow(tr("Om&vang"), scale_);
  severity_ = new QComboBox;
  severity_->setObjectName(QStringLiteral("severity"));
  severity_->addItem(tr("Nog niet beoordeeld"));
  add_items(severity_,
            {vault::Severity::kLow, vault::Severity::kMedium, vault::Severity::kHigh,
             vault::Severity::kAcute},
            severity_label);
  form->addRow(tr("&Ernst"), severity_);
  nature_ = new QPlainTextEdit;
  nature_->setObjectName(QStringLiteral("nature"));
  nature_->setTabChangesFocus(true);
  nature_->setPlaceholderText(tr("Aard van de situatie, zoals u die nu inschat"));
  nature_->setMaximumHeight(60);
  form->addRow(tr("&Aard"), nature_);
  narrative_ = new QPlainTextEdit;
  narrative_->setObjectName(QStringLiteral("narrative"));
  narrative_->setTabChangesFocus(true);
  narrative_->setPlaceholderText(tr("Wat is er gemeld, door wie, wanneer en waar"));
  narrative_->setMinimumHeight(80);
  form->addRow(tr("&Relaas"), narrative_);
  return box;
}

QWidget* IntakeDialog::build_routing_box() {
  auto* box = new QGroupBox(tr("Routeringsadvies"));
  auto* layout = new QVBoxLayout(box);
  routing_ = new QLabel;
  routing_->setObjectName(QStringLiteral("routing"));
  routing_->setWordWrap(true);
  routing_->setTextFormat(Qt::RichText);
  routing_->setMinimumHeight(70);
  routing_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  layout->addWidget(routing_);
  auto* note =
      new QLabel(tr("Een advies: u beslist. Wat u deelt, gaat altijd via het deelbeleid."));
  note->setWordWrap(true);
  note->setStyleSheet(QStringLiteral("color: palette(mid);"));
  layout->addWidget(note);
  return box;
}

std::vector<std::string> IntakeDialog::ticked_forms() const {
  std::vector<std::string> out;
  for (const auto& [code, check] : forms_) {
    if (check->isChecked()) out.push_back(code);
  }
  return out;
}

std::vector<std::string> IntakeDialog::ticked_indicators() const {
  std::vector<std::string> out;
  for (const auto& [code, check] : indicators_) {
    if (check->isChecked()) out.push_back(code);
  }
  return out;
}

void IntakeDialog::update_tab_titles() {
  for (const auto& [index, codes] : tab_codes_) {
    int ticked = 0;
    for (const std::string& c : codes) {
      if (indicators_.at(c)->isChecked()) ++ticked;
    }
    QString base = indicator_tabs_->tabText(index).section(QStringLiteral(" ("), 0, 0);
    indicator_tabs_->setTabText(
        index, ticked == 0 ? base : QStringLiteral("%1 (%2)").arg(base).arg(ticked));
  }
}

void IntakeDialog::update_routing() {
  update_tab_titles();
  if (!routing_policy_) {
    routing_->setText(routing_problem_.toHtmlEscaped());
    return;
  }
  policies::RoutingFacts facts;
  facts.forms = ticked_forms();
  facts.indicators = ticked_indicators();
  facts.minor = chosen<vault::MinorInvolved>(minor_) == vault::MinorInvolved::kYes;
  for (const service::NewPerson& p : new_persons_) {
    facts.has_victim = facts.has_victim || p.role == vault::PersonRole::kVictim;
    facts.has_suspect = facts.has_suspect || p.role == vault::PersonRole::kSuspect;
  }
  std::vector<policies::RoutingSuggestion> suggestions = routing_policy_->suggest(facts);
  if (suggestions.empty()) {
    routing_->setText(tr("Nog geen advies: vink vormen of indicatoren aan."));
    return;
  }
  QString html = QStringLiteral("<ul style=\"margin-left: -20px\">");
  for (const policies::RoutingSuggestion& s : suggestions) {
    QString partner = qs(s.partner);
    QString purpose = qs(s.purpose);
    if (sharing_policy_) {
      if (const policies::SharingPartner* p = sharing_policy_->find_partner(s.partner)) {
        partner = qs(p->name_nl);
        for (const policies::SharingPurpose& u : p->purposes) {
          if (u.id == s.purpose) purpose = qs(u.label_nl);
        }
      }
    }
    html +=
        QStringLiteral("<li><b>%1</b> (%2): %3</li>")
            .arg(partner.toHtmlEscaped(), purpose.toHtmlEscaped(), qs(s.reason_nl).toHtmlEscaped());
  }
  routing_->setText(html + QStringLiteral("</ul>"));
}

QString IntakeDialog::routing_text() const {
  return routing_->text();
}

QString IntakeDialog::error_text() const {
  return error_->text();
}

void IntakeDialog::show_error(const QString& text) {
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
}

void IntakeDialog::add_person_row() {
  const QString given = person_given_->text().trimmed();
  const QString family = person_family_->text().trimmed();
  if (given.isEmpty() && family.isEmpty()) {
    show_error(tr("Betrokkene: vul ten minste een voornaam of achternaam in."));
    person_given_->setFocus();
    return;
  }
  vault::PersonIdentity identity;
  identity.set(vault::PersonField::kName,
               (given + QLatin1Char(' ') + family).trimmed().toStdString());
  const QString birth_text = person_birth_->text().trimmed();
  if (!birth_text.isEmpty()) {
    std::optional<Date> birth = parse_date(birth_text);
    if (!birth || *birth > service::today(ctx_.session())) {
      show_error(
          tr("Geboortedatum: vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld "
             "23-11-2001."));
      person_birth_->setFocus();
      return;
    }
    identity.set(vault::PersonField::kDateOfBirth, birth->to_iso());
  }
  const QString nationality = person_nationality_->text().trimmed();
  if (!nationality.isEmpty()) {
    identity.set(vault::PersonField::kNationality, nationality.toStdString());
  }
  vault::PersonRole role = *chosen<vault::PersonRole>(person_role_);
  new_persons_.push_back({role, identity});
  const int row = persons_->rowCount();
  persons_->insertRow(row);
  persons_->setItem(row, 0, new QTableWidgetItem(role_label(role)));
  persons_->setItem(row, 1, new QTableWidgetItem(given));
  persons_->setItem(row, 2, new QTableWidgetItem(family));
  persons_->setItem(row, 3,
                    new QTableWidgetItem(
                        birth_text.isEmpty() ? QString() : format_date(*parse_date(birth_text))));
  persons_->setItem(row, 4, new QTableWidgetItem(nationality));
  for (QLineEdit* e : {person_given_, person_family_, person_birth_, person_nationality_}) {
    e->clear();
  }
  show_error({});
  person_given_->setFocus();
  update_routing();
}

void IntakeDialog::remove_person_row() {
  const int row = persons_->currentRow();
  if (row < 0 || static_cast<std::size_t>(row) >= new_persons_.size()) return;
  persons_->removeRow(row);
  new_persons_.erase(new_persons_.begin() + row);
  update_routing();
}

void IntakeDialog::save() {
  show_error({});
  std::optional<Date> received = parse_date(received_->text().trimmed());
  if (!received) {
    show_error(
        tr("Ontvangen op: vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld "
           "16-02-2026."));
    received_->setFocus();
    return;
  }
  if (*received > service::today(ctx_.session())) {
    show_error(tr("Ontvangen op: deze datum ligt in de toekomst."));
    received_->setFocus();
    return;
  }
  if (!person_given_->text().trimmed().isEmpty() || !person_family_->text().trimmed().isEmpty()) {
    show_error(
        tr("Betrokkenen: er staat nog een naam in de invoerregel. Kies eerst "
           "\"Toevoegen\" of maak de regel leeg."));
    person_given_->setFocus();
    return;
  }
  vault::SignalInput input;
  input.received = *received;
  input.source_kind = *chosen<vault::SourceKind>(source_kind_);
  if (QString team = source_team_->text().trimmed(); !team.isEmpty()) {
    input.source_team = team.toStdString();
  }
  if (QString text = narrative_->toPlainText().trimmed(); !text.isEmpty()) {
    input.narrative = text.toStdString();
  }
  if (QString text = nature_->toPlainText().trimmed(); !text.isEmpty()) {
    input.nature = text.toStdString();
  }
  input.scale = chosen<vault::Scale>(scale_);
  input.severity = chosen<vault::Severity>(severity_);
  input.minor = *chosen<vault::MinorInvolved>(minor_);
  input.forms = ticked_forms();
  input.indicators = ticked_indicators();

  service::Session& session = ctx_.session();
  const std::vector<service::NewPerson> persons = new_persons_;
  Result<service::Intake> saved = run_task_result<service::Intake>(
      this, tr("Signaal opslaan"),
      [&](TaskProgress&) { return service::register_intake(session, input, persons); });
  if (!saved) {
    show_error(tr("Het signaal is niet opgeslagen: %1")
                   .arg(QString::fromStdString(saved.status().message())));
    return;
  }
  signal_id_ = QString::fromStdString(saved->signal_id);
  accept();
}

}  // namespace mk::gui
