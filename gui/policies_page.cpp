#include "gui/policies_page.hpp"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QVBoxLayout>
#include <filesystem>
#include <optional>

#include "gui/app_context.hpp"
#include "gui/dutch_format.hpp"
#include "gui/language.hpp"
#include "gui/page_widgets.hpp"
#include "gui/task_runner.hpp"
#include "service/processing_register.hpp"

namespace mk::gui {

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

// A hash as the table shows it: short, or "—" for a file that was new (old) or removed (new).
QString hash_cell(const std::string& hash) {
  return hash.empty() ? QStringLiteral("—") : registers::short_hash(hash);
}

TextRow history_row(const service::PolicyHistoryEntry& e) {
  TextRow row;
  row.cells = {format_instant(e.time), qs(e.file), hash_cell(e.old_hash), hash_cell(e.new_hash),
               qs(e.actor)};
  row.tooltips = {{}, {}, qs(e.old_hash), qs(e.new_hash), qs(e.origin)};
  return row;
}

// The change of `e` in words, one line per change, in the interface language. A stored version
// that no longer validates among the stored texts says so instead of hiding the entry.
QString change_in_words(const service::PolicyHistoryEntry& e) {
  const bool english = current_language() == Language::kEnglish;
  Result<std::vector<service::PolicyChange>> changes = service::diff_policies(e.before, e.after);
  if (!changes) {
    return QCoreApplication::translate("mk::gui::PoliciesPage", "Niet te vergelijken: %1")
        .arg(registers::status_text(changes.status()));
  }
  if (changes->empty()) {
    return QCoreApplication::translate("mk::gui::PoliciesPage",
                                       "Geen wijziging in de inhoud (alleen de opmaak).");
  }
  QStringList lines;
  for (const service::PolicyChange& c : *changes)
    lines << QStringLiteral("• %1: %2").arg(qs(c.file), qs(english ? c.en : c.nl));
  return lines.join(QLatin1Char('\n'));
}

std::filesystem::path to_path(const QString& s) {
  return std::filesystem::path(s.toStdString());
}

}  // namespace

PoliciesPage::PoliciesPage(AppContext& context, QWidget* parent)
    : Page(context, parent), dialogs_(interactive_dialogs()) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout();
  top->addWidget(registers::make_heading(tr("Beleid"), this));
  top->addStretch(1);
  save_register_ = new QPushButton(tr("&Verwerkingsregister opslaan…"), this);
  save_register_->setToolTip(
      tr("Het register van verwerkingsactiviteiten (AVG art. 30) uit het beleid dat nu geldt, als "
         "PDF of JSON"));
  top->addWidget(save_register_);
  layout->addLayout(top);
  layout->addWidget(registers::make_note(
      tr("De beleidsversies waaronder de kluis heeft gewerkt: wanneer een gewijzigd beleidsbestand "
         "voor het eerst is gezien, met de SHA-256 van de oude en de nieuwe versie. Beleid bevat "
         "geen persoonsgegevens."),
      this));
  count_ = new QLabel(this);
  layout->addWidget(count_);

  rows_ = new RowTableModel(
      {tr("Tijd"), tr("Bestand"), tr("Oude versie"), tr("Nieuwe versie"), tr("Sleutel")}, this);
  view_ = registers::make_table_view(this);
  view_->setModel(rows_);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setAccessibleName(tr("Beleidsgeschiedenis"));
  layout->addWidget(view_, 3);

  words_heading_ = registers::make_heading(tr("Wijziging in woorden"), this, true);
  layout->addWidget(words_heading_);
  words_ = new QPlainTextEdit(this);
  words_->setReadOnly(true);
  words_->setAccessibleName(tr("Wijziging in woorden"));
  words_->setPlaceholderText(tr("Kies een wijziging in de tabel."));
  layout->addWidget(words_, 2);

  outcome_ = registers::make_note({}, this);
  outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(outcome_);

  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &PoliciesPage::show_selected);
  connect(save_register_, &QPushButton::clicked, this, &PoliciesPage::save_register);
}

QString PoliciesPage::title() const {
  return tr("Beleid");
}

void PoliciesPage::clear() {
  history_.clear();
  rows_->clear_rows();
  count_->clear();
  words_->clear();
  outcome_->clear();
}

void PoliciesPage::refresh() {
  if (!context().is_unlocked()) {
    clear();
    return;
  }
  Result<std::vector<service::PolicyHistoryEntry>> history =
      service::policy_history(context().session());
  const int chosen = view_->currentIndex().isValid() ? view_->currentIndex().row() : 0;
  history_.clear();
  rows_->clear_rows();
  words_->clear();
  if (!history) {
    count_->setText(registers::status_text(history.status()));
    return;
  }
  history_ = std::move(*history);
  std::vector<TextRow> rows;
  for (auto it = history_.rbegin(); it != history_.rend(); ++it)
    rows.push_back(history_row(*it));
  count_->setText(history_.empty() ? tr("Geen beleidsversies vastgelegd.")
                                   : tr("%1 vastgelegde wijziging(en)").arg(history_.size()));
  rows_->set_rows(std::move(rows));
  registers::fit_columns(view_);
  select_change(chosen < rows_->rowCount() ? chosen : 0);
}

void PoliciesPage::show_example() {
  select_change(0);
}

bool PoliciesPage::select_change(int row) {
  if (row < 0 || row >= rows_->rowCount()) return false;
  view_->setCurrentIndex(rows_->index(row, 0));
  show_selected();
  return true;
}

void PoliciesPage::show_selected() {
  const QModelIndex current = view_->currentIndex();
  if (!current.isValid() || static_cast<std::size_t>(current.row()) >= history_.size()) {
    words_->clear();
    return;
  }
  const service::PolicyHistoryEntry& e =
      history_[history_.size() - 1 - static_cast<std::size_t>(current.row())];
  words_->setPlainText(change_in_words(e));
}

void PoliciesPage::save_register() {
  if (!context().is_unlocked()) return;
  const QString title = tr("Verwerkingsregister opslaan");
  const QString path = dialogs_.save_file(this, title, QStringLiteral("verwerkingsregister.pdf"),
                                          tr("PDF (*.pdf);;JSON (*.json)"));
  if (path.isEmpty()) return;
  const std::optional<service::RegisterFormat> format = service::register_format_for(to_path(path));
  if (!format) {
    dialogs_.warn(this, title, tr("Kies een bestandsnaam die eindigt op .pdf of .json."));
    return;
  }
  service::Session& s = context().session();
  const std::filesystem::path policy_dir = s.policies().dir;
  const Instant generated = context().clock().now();
  Result<reports::ProcessingRegister> written = run_task_result<reports::ProcessingRegister>(
      this, tr("Verwerkingsregister maken…"),
      [&s, policy_dir, generated, path, format](TaskProgress&) {
        return service::write_processing_register(policy_dir, generated, &s, to_path(path),
                                                  *format);
      });
  if (!written) {
    const QString text = registers::status_text(written.status());
    outcome_->setText(text);
    dialogs_.warn(this, title, text);
    return;
  }
  const QString text = tr("Verwerkingsregister opgeslagen: %1").arg(path);
  outcome_->setText(text);
  dialogs_.inform(this, title, text);
}

Page* make_policies_page(AppContext& context, QWidget* parent) {
  return new PoliciesPage(context, parent);
}

}  // namespace mk::gui
