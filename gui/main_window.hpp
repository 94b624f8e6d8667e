// MainWindow: the unlock screen while locked; once unlocked, a navigation list beside the pages
// the role may see (all_pages(), filtered by Page::available_to_compliance). Locking (Ctrl+L, the
// idle lock, closing the window) clears every page, destroys them and brings back the unlock
// screen in place of the window's content. The language menu switches live: on LanguageChange the
// menus, status bar and pages are rebuilt with the new texts.
#pragma once

#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QStackedWidget>
#include <vector>

#include "gui/app_pages.hpp"

namespace mk::gui {

class AppContext;
class IdleLock;
class Page;
class UnlockWidget;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // `pages` defaults to every page of the app; tests pass their own. `context` must outlive the
  // window.
  explicit MainWindow(AppContext& context, std::vector<PageFactory> pages = all_pages(),
                      QWidget* parent = nullptr);
  ~MainWindow() override;

  UnlockWidget& unlock_widget() { return *unlock_; }
  IdleLock& idle_lock() { return *idle_lock_; }
  // The idle time before the lock, saved in QSettings by the menu (not by this call).
  void set_auto_lock_minutes(int minutes);
  int auto_lock_minutes() const { return auto_lock_minutes_; }

  // True while the unlock screen is shown (the vault is locked).
  bool showing_unlock_screen() const;
  // The pages built for the unlocked role, in navigation order (empty while locked).
  const std::vector<Page*>& pages() const { return pages_; }
  QListWidget* navigation() const { return nav_; }
  // Shows the page with `key` and refreshes it; false when the role has no such page.
  bool show_page(const QString& key);
  Page* current_page() const;

  // Name of the QSettings value holding the idle minutes.
  static QString auto_lock_setting();

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;

 private:
  void build_menus();
  void retranslate_menus();
  void build_pages();
  void destroy_pages();
  void on_unlocked();
  void on_locked();
  void on_nav_row(int row);
  void ask_auto_lock_minutes();
  void update_status();
  void retranslate();

  AppContext& context_;
  std::vector<PageFactory> factories_;
  std::vector<Page*> pages_;
  QStackedWidget* root_ = nullptr;  // the unlock screen or the workspace
  UnlockWidget* unlock_ = nullptr;
  QWidget* workspace_ = nullptr;
  QListWidget* nav_ = nullptr;
  QStackedWidget* page_stack_ = nullptr;
  QLabel* status_folder_ = nullptr;
  QLabel* status_role_ = nullptr;
  QLabel* status_state_ = nullptr;
  IdleLock* idle_lock_ = nullptr;
  QMenu* vault_menu_ = nullptr;
  QMenu* settings_menu_ = nullptr;
  QMenu* language_menu_ = nullptr;
  QAction* lock_action_ = nullptr;
  QAction* quit_action_ = nullptr;
  QAction* idle_action_ = nullptr;
  QAction* dutch_action_ = nullptr;
  QAction* english_action_ = nullptr;
  int auto_lock_minutes_ = 10;
  bool rebuilding_ = false;
};

}  // namespace mk::gui
