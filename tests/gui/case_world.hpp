// What the case-view and share-dialog tests share: a GuiWorld holding a labour-exploitation signal
// from Wijkteam Oost and a case opened on it with a victim (Ioana Popescu) and a suspect, all made
// through the service layer; and a way to act on a modal dialog that a button opens with exec().
#pragma once

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTimer>
#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "gui_fixture.hpp"
#include "service/casework.hpp"

namespace mk::gui::test {

inline std::string must_id(Result<std::string> r) {
  MK_REQUIRE_OK(r);
  return *r;
}

class CaseWorld {
 public:
  CaseWorld() : world_(Date(2026, 11, 29)) {
    namespace syn = vault::test::synthetic;
    victim_ = must_id(
        service::add_person(s(), vault::PersonRole::kVictim, syn::identity_of(syn::kIoana)));
    suspect_ = must_id(
        service::add_person(s(), vault::PersonRole::kSuspect, syn::identity_of(syn::kPiotr)));
    vault::SignalInput in = syn::labour_signal();
    in.received = Date(2026, 10, 28);
    in.person_ids = {victim_, suspect_};
    signal_ = must_id(service::register_signal(s(), in));
    vault::CaseInput c;
    c.opened = Date(2026, 11, 2);
    c.summary = std::string("Arbeidsuitbuiting in de kassen, huisvesting via de werkgever");
    c.signal_ids = {signal_};
    c.person_ids = {victim_, suspect_};
    case_ = must_id(service::open_case(s(), c));
  }

  GuiWorld& world() { return world_; }
  AppContext& context() { return world_.context(); }
  service::Session& s() { return world_.s(); }
  const std::string& victim() const { return victim_; }
  const std::string& suspect() const { return suspect_; }
  const std::string& signal() const { return signal_; }
  const std::string& case_id() const { return case_; }

 private:
  GuiWorld world_;
  std::string victim_, suspect_, signal_, case_;
};

// Runs `act` on the modal dialog of type D once it shows (a button's exec() blocks the caller),
// polling from the event loop for up to three seconds. When another modal widget shows instead,
// or none, nothing is done: the test's own checks then fail.
template <typename D>
void when_dialog(std::function<void(D&)> act, int tries = 300) {
  QTimer::singleShot(10, [act = std::move(act), tries] {
    if (auto* d = qobject_cast<D*>(QApplication::activeModalWidget())) {
      act(*d);
    } else if (tries > 0) {
      when_dialog<D>(act, tries - 1);
    }
  });
}

// Clicks the OK button of `dialog`'s button box, as the user would (nothing when it is disabled).
inline void click_ok(QDialog& dialog) {
  auto* box = dialog.findChild<QDialogButtonBox*>();
  if (box != nullptr) box->button(QDialogButtonBox::Ok)->click();
}

}  // namespace mk::gui::test
