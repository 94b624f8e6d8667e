#include "gui/audit_page.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>

#include "base/bytes.hpp"
#include "gui/app_context.hpp"
#include "gui/dutch_format.hpp"
#include "gui/page_widgets.hpp"
#include "gui/record_names.hpp"
#include "gui/task_runner.hpp"
#include "service/audit.hpp"
#include "service/keyslots.hpp"
#include "service/new_file.hpp"

namespace mk::gui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

QString root_hex(const tlog::Checkpoint& cp) {
  return qs(to_hex(ByteView(cp.root.data(), cp.root.size())));
}

QLineEdit* date_edit(QWidget* parent, const QString& name) {
  auto* edit = new QLineEdit(parent);
  edit->setPlaceholderText(AuditPage::tr("dd-mm-jjjj"));
  edit->setAccessibleName(name);
  edit->setClearButtonEnabled(true);
  edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("00-00-00000")) + 40);
  return edit;
}

}  // namespace

AuditPage::AuditPage(AppContext& context, QWidget* parent)
    : Page(context, parent), dialogs_(interactive_dialogs()) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout();
  top->addWidget(registers::make_heading(tr("Auditlog"), this));
  top->addStretch(1);
  verify_ = new QPushButton(tr("&Verifiëren"), this);
  verify_->setToolTip(
      tr("Berekent de Merkle-boom opnieuw uit alle regels en controleert elk "
         "ondertekend checkpoint"));
  export_checkpoint_ = new QPushButton(tr("Checkpoint e&xporteren…"), this);
  export_checkpoint_->setToolTip(
      tr("Schrijft het laatste ondertekende checkpoint naar een bestand; bewaar het buiten de "
         "kluis"));
  top->addWidget(verify_);
  top->addWidget(export_checkpoint_);
  layout->addLayout(top);
  layout->addWidget(
      registers::make_note(tr("Wie deed wat, met welk dossier, wanneer, waarvandaan en waarom: "
                              "alleen nummers en codes, nooit namen."),
                           this));

  auto* filters = new QHBoxLayout();
  action_ = new QLineEdit(this);
  action_->setPlaceholderText(tr("bijv. signal.add"));
  action_->setClearButtonEnabled(true);
  auto* action_label = new QLabel(tr("&Actie bevat:"), this);
  action_label->setBuddy(action_);
  from_ = date_edit(this, tr("Vanaf datum"));
  until_ = date_edit(this, tr("Tot en met datum"));
  auto* from_label = new QLabel(tr("Va&naf:"), this);
  from_label->setBuddy(from_);
  auto* until_label = new QLabel(tr("&Tot en met:"), this);
  until_label->setBuddy(until_);
  filters->addWidget(action_label);
  filters->addWidget(action_, 2);
  filters->addWidget(from_label);
  filters->addWidget(from_);
  filters->addWidget(until_label);
  filters->addWidget(until_);
  count_ = new QLabel(this);
  filters->addWidget(count_, 1, Qt::AlignRight);
  layout->addLayout(filters);

  entries_ = new AuditTableModel(this);
  entries_view_ = registers::make_table_view(this);
  entries_view_->setModel(entries_);
  entries_view_->setAccessibleName(tr("Auditregels"));
  entries_view_->setWordWrap(false);
  entries_view_->setTextElideMode(Qt::ElideRight);
  QHeaderView* header = entries_view_->horizontalHeader();
  const QFontMetrics fm = entries_view_->fontMetrics();
  const auto width_of = [&](const char* sample) {
    return fm.horizontalAdvance(QString::fromLatin1(sample)) + 24;
  };
  header->resizeSection(AuditTableModel::kSeq, width_of("000000"));
  header->resizeSection(AuditTableModel::kTime, width_of("00-00-0000 00:00"));
  header->resizeSection(AuditTableModel::kActor, width_of("coordinator (coördinator)"));
  header->resizeSection(AuditTableModel::kAction, width_of("retention.shred_person"));
  header->resizeSection(AuditTableModel::kObject, width_of("P-XXXXXXXX"));
  header->resizeSection(AuditTableModel::kResult, width_of("forbidden (geweigerd/fout)"));
  header->resizeSection(AuditTableModel::kReason, width_of("Verzoek SHOP 12-03-2026"));
  layout->addWidget(entries_view_, 1);

  verification_ = new QLabel(this);
  verification_->setWordWrap(true);
  verification_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  verification_->setAccessibleName(tr("Uitkomst van de verificatie"));
  layout->addWidget(verification_);

  layout->addWidget(registers::make_heading(tr("Sleutels"), this, true));
  slots_ = new RowTableModel({tr("Naam"), tr("Rol")}, this);
  slots_view_ = registers::make_table_view(this);
  slots_view_->setModel(slots_);
  slots_view_->setAccessibleName(tr("Sleutels"));
  slots_view_->setMaximumHeight(slots_view_->verticalHeader()->defaultSectionSize() * 5 + 8);
  layout->addWidget(slots_view_);

  connect(action_, &QLineEdit::textChanged, this, &AuditPage::apply_filter);
  connect(from_, &QLineEdit::editingFinished, this, &AuditPage::apply_filter);
  connect(until_, &QLineEdit::editingFinished, this, &AuditPage::apply_filter);
  connect(verify_, &QPushButton::clicked, this, &AuditPage::verify);
  connect(export_checkpoint_, &QPushButton::clicked, this, &AuditPage::export_checkpoint);
}

QString AuditPage::title() const {
  return tr("Auditlog");
}

void AuditPage::clear() {
  entries_->clear_entries();
  slots_->clear_rows();
  verification_->clear();
  count_->clear();
}

void AuditPage::refresh() {
  if (!context().is_unlocked()) {
    clear();
    return;
  }
  service::Session& s = context().session();
  Result<std::vector<vault::AuditEntry>> entries = run_task_result<std::vector<vault::AuditEntry>>(
      this, tr("Auditlog lezen…"), [&s](TaskProgress& progress) {
        progress.report(0, 0);
        return service::list_audit_entries(s, vault::AuditQuery{});
      });
  if (!entries) {
    entries_->clear_entries();
    count_->setText(registers::status_text(entries.status()));
  } else {
    entries_->set_entries(std::move(*entries));
    apply_filter();
  }
  std::vector<TextRow> rows;
  for (const vault::SlotInfo& slot : service::list_key_slots(s)) {
    rows.push_back({{qs(slot.name), registers::role_text(vault::role_name(slot.role))}, {}});
  }
  slots_->set_rows(std::move(rows));
  registers::fit_columns(slots_view_);
}

void AuditPage::apply_filter() {
  AuditFilter f;
  f.action = action_->text().trimmed();
  QStringList bad;
  const auto date_of = [&](QLineEdit* edit, const QString& what) -> std::optional<Date> {
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) return std::nullopt;
    std::optional<Date> d = parse_date(text);
    if (!d) bad << what;
    return d;
  };
  f.from = date_of(from_, tr("vanaf"));
  f.until = date_of(until_, tr("tot en met"));
  entries_->set_filter(std::move(f));
  QString text = tr("%1 van %2 regels").arg(entries_->rowCount()).arg(entries_->total());
  if (!bad.isEmpty()) {
    text += QStringLiteral(" · ") +
            tr("datum %1 niet begrepen (dd-mm-jjjj)").arg(bad.join(QStringLiteral(", ")));
  }
  count_->setText(text);
}

void AuditPage::verify() {
  if (!context().is_unlocked()) return;
  service::Session& s = context().session();
  struct Verified {
    vault::AuditVerification result;
    std::optional<service::SignedCheckpoint> latest;
  };
  Result<Verified> v = run_task_result<Verified>(
      this, tr("Auditlog verifiëren…"), [&s](TaskProgress& progress) -> Result<Verified> {
        Verified out;
        MK_ASSIGN_OR_RETURN(
            out.result,
            service::verify_audit(s, std::nullopt, [&](std::uint64_t done, std::uint64_t total) {
              progress.report(done, total);
            }));
        MK_ASSIGN_OR_RETURN(out.latest, service::latest_audit_checkpoint(s));
        return out;
      });
  if (!v) {
    verification_->setText(registers::status_text(v.status()));
    dialogs_.warn(this, tr("Verifiëren"), registers::status_text(v.status()));
    return;
  }
  const vault::AuditVerification& r = v->result;
  QString text;
  if (r.ok) {
    text = tr("<b>In orde.</b> %1 regels geverifieerd, %2 checkpoint(s) gecontroleerd.")
               .arg(r.entries)
               .arg(r.checkpoints_checked);
  } else {
    text = tr("<b>FOUT:</b> %1. Eerste foute regel: %2. %3 regels gelezen.")
               .arg(qs(r.problem).toHtmlEscaped(),
                    r.first_bad_entry ? QString::number(*r.first_bad_entry) : QStringLiteral("-"))
               .arg(r.entries);
  }
  if (v->latest) {
    text += QStringLiteral("<br>") + tr("Laatste checkpoint: %1 regels · wortel <tt>%2</tt>")
                                         .arg(v->latest->checkpoint.size)
                                         .arg(root_hex(v->latest->checkpoint));
  } else {
    text += QStringLiteral("<br>") + tr("Nog geen checkpoint ondertekend.");
  }
  verification_->setText(text);
}

void AuditPage::export_checkpoint() {
  if (!context().is_unlocked()) return;
  const QString path = dialogs_.save_file(this, tr("Checkpoint exporteren"),
                                          QStringLiteral("checkpoint.txt"), tr("Tekst (*.txt)"));
  if (path.isEmpty()) return;
  service::Session& s = context().session();
  Result<service::SignedCheckpoint> cp = service::audit_checkpoint(s);
  Status written =
      cp ? service::write_new_file(path.toStdString(), as_bytes(cp->note)) : cp.status();
  if (!written.is_ok()) {
    dialogs_.warn(this, tr("Checkpoint exporteren"), registers::status_text(written));
    return;
  }
  dialogs_.inform(this, tr("Checkpoint exporteren"),
                  tr("Checkpoint van %1 regels geschreven naar %2.\nBewaar het buiten de kluis.")
                      .arg(cp->checkpoint.size)
                      .arg(path));
  refresh();
}

Page* make_audit_page(AppContext& context, QWidget* parent) {
  return new AuditPage(context, parent);
}

}  // namespace mk::gui
