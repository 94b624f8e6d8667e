// CaseView: one case in full for the coordinator: a header (id, status, dates, summary), its legal
// hold with "Bewaarplicht (legal hold) instellen…" and release, "Delen…" (the share dialog for the
// case), and tabs with its signals and persons, the Meldcode, help requests, consents and
// disclosures. After any change made here every part is reloaded and case_changed() is emitted.
#pragma once

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QWidget>
#include <string>
#include <vector>

#include "gui/case_panel.hpp"

namespace mk::gui {

class AppContext;
class CaseSignalsPanel;
class CasePersonsPanel;
class MeldcodePanel;
class HelpRequestsPanel;
class ConsentsPanel;
class CaseDisclosuresPanel;

class CaseView : public QWidget {
  Q_OBJECT

 public:
  explicit CaseView(AppContext& context, QWidget* parent = nullptr);

  // Shows the case `id` (requires an unlocked context); an error is shown in the header.
  void show_case(const std::string& id);
  // Loads the shown case again.
  void reload();
  // Shows nothing and drops every decrypted value.
  void clear();
  const std::string& case_id() const { return facts_.case_id; }

  QTabWidget* tabs() const { return tabs_; }
  CaseSignalsPanel* signals_panel() const { return signals_; }
  CasePersonsPanel* persons_panel() const { return persons_; }
  MeldcodePanel* meldcode_panel() const { return meldcode_; }
  HelpRequestsPanel* help_panel() const { return help_; }
  ConsentsPanel* consents_panel() const { return consents_; }
  CaseDisclosuresPanel* disclosures_panel() const { return disclosures_; }
  QLabel* hold_label() const { return hold_; }
  QLabel* error_label() const { return error_; }
  QPushButton* hold_button() const { return hold_button_; }
  QPushButton* release_button() const { return release_button_; }
  QPushButton* share_button() const { return share_button_; }

 Q_SIGNALS:
  void case_changed();

 private:
  void place_hold();
  void release_hold();
  void load_hold();
  void open_share(const std::string& case_id, const std::string& person_id);
  void changed();
  bool report(const Status& status);
  std::vector<CasePanel*> panels() const;

  AppContext& ctx_;
  CaseFacts facts_;
  QLabel* title_;
  QLabel* meta_;
  QLabel* summary_;
  QLabel* hold_;
  QLabel* error_;
  QPushButton* hold_button_;
  QPushButton* release_button_;
  QPushButton* share_button_;
  QTabWidget* tabs_;
  CaseSignalsPanel* signals_;
  CasePersonsPanel* persons_;
  MeldcodePanel* meldcode_;
  HelpRequestsPanel* help_;
  ConsentsPanel* consents_;
  CaseDisclosuresPanel* disclosures_;
};

}  // namespace mk::gui
