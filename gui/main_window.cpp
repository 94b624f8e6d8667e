#include "gui/main_window.hpp"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

#include "gui/app_context.hpp"
#include "gui/clipboard_guard.hpp"
#include "gui/idle_lock.hpp"
#include "gui/language.hpp"
#include "gui/page.hpp"
#include "gui/unlock_widget.hpp"

namespace mk::gui {
namespace {

QString role_text(const AppContext& context) {
  if (!context.is_unlocked()) return {};
  switch (context.role()) {
    case vault::Role::kCoordinator:
      return MainWindow::tr("Rol: coördinator");
    case vault::Role::kCompliance:
      return MainWindow::tr("Rol: functionaris gegevensbescherming");
    case vault::Role::kRecovery:
      return MainWindow::tr("Rol: herstelsleutel");
  }
  return {};
}

}  // namespace

MainWindow::MainWindow(AppContext& context, std::vector<PageFactory> pages, QWidget* parent)
    : QMainWindow(parent), context_(context), factories_(std::move(pages)) {
  root_ = new QStackedWidget(this);
  unlock_ = new UnlockWidget(context_, root_);
  root_->addWidget(unlock_);

  workspace_ = new QWidget(root_);
  auto* layout = new QHBoxLayout(workspace_);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  nav_ = new QListWidget(workspace_);
  nav_->setObjectName(QStringLiteral("navigation"));
  nav_->setFocusPolicy(Qt::StrongFocus);
  nav_->setFixedWidth(170);
  nav_->setSpacing(2);
  nav_->setStyleSheet(
      QStringLiteral("QListWidget#navigation { padding: 8px; }"
                     "QListWidget#navigation::item { padding: 8px 10px; }"));
  page_stack_ = new QStackedWidget(workspace_);
  layout->addWidget(nav_);
  layout->addWidget(page_stack_, 1);
  root_->addWidget(workspace_);
  setCentralWidget(root_);
  connect(nav_, &QListWidget::currentRowChanged, this, &MainWindow::on_nav_row);

  status_folder_ = new QLabel(this);
  status_role_ = new QLabel(this);
  status_state_ = new QLabel(this);
  statusBar()->addWidget(status_folder_, 1);
  statusBar()->addPermanentWidget(status_role_);
  statusBar()->addPermanentWidget(status_state_);

  idle_lock_ = new IdleLock(context_, this);
  set_auto_lock_minutes(IdleLock::kDefaultMinutes);

  connect(&context_, &AppContext::unlocked, this, &MainWindow::on_unlocked);
  connect(&context_, &AppContext::locked, this, &MainWindow::on_locked);

  build_menus();
  resize(1280, 800);
  retranslate();
  if (context_.is_unlocked()) {
    on_unlocked();
  } else {
    root_->setCurrentWidget(unlock_);
  }
}

MainWindow::~MainWindow() {
  destroy_pages();
}

QString MainWindow::auto_lock_setting() {
  return QStringLiteral("auto_lock_minutes");
}

void MainWindow::set_auto_lock_minutes(int minutes) {
  auto_lock_minutes_ = minutes > 0 ? minutes : IdleLock::kDefaultMinutes;
  idle_lock_->set_interval_minutes(auto_lock_minutes_);
  if (idle_action_) retranslate_menus();
}

bool MainWindow::showing_unlock_screen() const {
  return root_->currentWidget() == unlock_;
}

void MainWindow::build_menus() {
  vault_menu_ = menuBar()->addMenu(QString());
  lock_action_ = vault_menu_->addAction(QString());
  lock_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  lock_action_->setShortcutContext(Qt::ApplicationShortcut);
  connect(lock_action_, &QAction::triggered, this, [this] { context_.lock(); });
  vault_menu_->addSeparator();
  quit_action_ = vault_menu_->addAction(QString());
  quit_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  connect(quit_action_, &QAction::triggered, this, &QWidget::close);

  settings_menu_ = menuBar()->addMenu(QString());
  idle_action_ = settings_menu_->addAction(QString());
  connect(idle_action_, &QAction::triggered, this, &MainWindow::ask_auto_lock_minutes);

  language_menu_ = menuBar()->addMenu(QString());
  auto* group = new QActionGroup(language_menu_);
  // Each language is named in itself, so these two are not translated.
  dutch_action_ = language_menu_->addAction(QStringLiteral("&Nederlands"));
  english_action_ = language_menu_->addAction(QStringLiteral("&English"));
  for (QAction* a : {dutch_action_, english_action_}) {
    a->setCheckable(true);
    group->addAction(a);
  }
  connect(dutch_action_, &QAction::triggered, this, [] { set_language(Language::kDutch); });
  connect(english_action_, &QAction::triggered, this, [] { set_language(Language::kEnglish); });
}

void MainWindow::retranslate_menus() {
  vault_menu_->setTitle(tr("&Kluis"));
  lock_action_->setText(tr("&Vergrendelen"));
  lock_action_->setEnabled(context_.is_unlocked());
  quit_action_->setText(tr("&Afsluiten"));
  settings_menu_->setTitle(tr("&Instellingen"));
  idle_action_->setText(
      tr("Automatisch &vergrendelen na %n minuten…", nullptr, auto_lock_minutes_));
  language_menu_->setTitle(tr("&Taal"));
  (current_language() == Language::kEnglish ? english_action_ : dutch_action_)->setChecked(true);
}

void MainWindow::ask_auto_lock_minutes() {
  bool ok = false;
  const int minutes = QInputDialog::getInt(
      this, tr("Automatisch vergrendelen"),
      tr("Vergrendel de kluis na zoveel minuten zonder toetsenbord- of muisgebruik:"),
      auto_lock_minutes_, 1, 120, 1, &ok);
  if (!ok) return;
  set_auto_lock_minutes(minutes);
  QSettings().setValue(auto_lock_setting(), minutes);
}

void MainWindow::build_pages() {
  const bool compliance = context_.is_compliance();
  for (const PageFactory& make : factories_) {
    Page* page = make(context_, page_stack_);
    if (compliance && !page->available_to_compliance()) {
      delete page;
      continue;
    }
    pages_.push_back(page);
    page_stack_->addWidget(page);
    auto* item = new QListWidgetItem(page->title(), nav_);
    item->setData(Qt::UserRole, page->key());
  }
}

void MainWindow::destroy_pages() {
  rebuilding_ = true;
  for (Page* page : pages_)
    page->clear();
  nav_->clear();
  for (Page* page : pages_) {
    page_stack_->removeWidget(page);
    delete page;
  }
  pages_.clear();
  rebuilding_ = false;
}

Page* MainWindow::current_page() const {
  const int row = nav_->currentRow();
  if (row < 0 || static_cast<std::size_t>(row) >= pages_.size()) return nullptr;
  return pages_[static_cast<std::size_t>(row)];
}

bool MainWindow::show_page(const QString& key) {
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    if (pages_[i]->key() != key) continue;
    if (nav_->currentRow() == static_cast<int>(i)) {
      pages_[i]->refresh();
    } else {
      nav_->setCurrentRow(static_cast<int>(i));
    }
    return true;
  }
  return false;
}

void MainWindow::on_nav_row(int row) {
  if (rebuilding_ || row < 0 || static_cast<std::size_t>(row) >= pages_.size()) return;
  Page* page = pages_[static_cast<std::size_t>(row)];
  page_stack_->setCurrentWidget(page);
  if (context_.is_unlocked()) page->refresh();
}

void MainWindow::on_unlocked() {
  destroy_pages();
  build_pages();
  root_->setCurrentWidget(workspace_);
  if (!pages_.empty()) nav_->setCurrentRow(0);
  nav_->setFocus();
  retranslate_menus();
  update_status();
}

void MainWindow::on_locked() {
  destroy_pages();
  clipboard_guard().clear_now();
  unlock_->reset();
  root_->setCurrentWidget(unlock_);
  unlock_->setFocus();
  retranslate_menus();
  update_status();
}

void MainWindow::update_status() {
  status_folder_->setText(
      tr("Kluis: %1").arg(QString::fromStdString(context_.vault_dir().string())));
  status_role_->setText(role_text(context_));
  status_role_->setVisible(context_.is_unlocked());
  status_state_->setText(context_.is_unlocked() ? tr("Ontgrendeld") : tr("Vergrendeld"));
}

void MainWindow::retranslate() {
  setWindowTitle(tr("Meldkluis — signalen mensenhandel"));
  retranslate_menus();
  update_status();
  if (!context_.is_unlocked() || pages_.empty()) return;
  // Pages set their texts when built: rebuild them, keeping the page the user was on.
  const Page* current = current_page();
  const QString key = current ? current->key() : QString();
  destroy_pages();
  build_pages();
  if (key.isEmpty() || !show_page(key)) nav_->setCurrentRow(0);
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  context_.lock();
  QMainWindow::closeEvent(event);
}

}  // namespace mk::gui
