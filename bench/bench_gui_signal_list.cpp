// bench_gui_signal_list: the signal list with many signals (issue 7: "with 100,000 signals the
// list opens in under a second and scrolls without stalls").
//   build/bench/bench_gui_signal_list [signals] [page.png] [intake.png]   (default 100000)
// Builds a vault with N signals through the service layer (units of 5,000, fast test KDF), then,
// offscreen, measures: the signals page (lazy model + table view) from construction to its first
// paint; 200 jumps to random rows; paging down through 2,000 rows; the same after sorting by
// status. Each step forces the visible rows to be fetched and painted (viewport()->grab()).
// Prints a table of the median, p99 and maximum per step. Goals: open < 1 s, no step > 50 ms.
// With file names, also saves offscreen pictures of the page and of the intake dialog.
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "crypto/password_kdf.hpp"
#include "crypto/secret_buffer.hpp"
#include "gui/app_context.hpp"
#include "gui/intake_dialog.hpp"
#include "gui/signal_list_model.hpp"
#include "gui/signals_page.hpp"
#include "service/casework.hpp"
#include "service/session.hpp"
#include "vault/signal_store.hpp"

using namespace mk;
using Stopwatch = std::chrono::steady_clock;

namespace {

double ms_since(Stopwatch::time_point start) {
  return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

vault::SignalInput nth_signal(int n) {
  static const char* teams[] = {"Wijkteam Oost", "Burgerzaken", "Leerplicht", "Handhaving"};
  static const char* forms[] = {"labour", "sexual", "criminal", "other"};
  static const char* indicators[] = {"coercion.imposed_debts", "exploitation.passport_withheld",
                                     "exploitation.earnings_surrendered", "coercion.deception"};
  vault::SignalInput in;
  // Spread over ten years before 2026-11-02, about 27 a day.
  in.received = Date::from_sys_days(Date(2026, 11, 2).sys_days() - std::chrono::days(n % 3650));
  in.source_kind = static_cast<vault::SourceKind>(n % 4);
  if (in.source_kind == vault::SourceKind::kInternalTeam) in.source_team = teams[(n / 4) % 4];
  in.forms = {forms[n % 4]};
  in.indicators = {indicators[n % 4], indicators[(n + 1) % 4]};
  in.minor = n % 9 == 0 ? vault::MinorInvolved::kYes : vault::MinorInvolved::kUnknown;
  in.narrative = "Melding " + std::to_string(n) +
                 ": een buurtbewoner ziet 's avonds busjes met arbeiders aankomen bij een pand "
                 "aan de Haagweg; zij lijken er ook te slapen.";
  return in;
}

// Paints the visible rows now (offscreen windows are not exposed, so repaint() may skip them);
// the view asks the model for every visible cell.
void paint(QTableView& view) {
  QApplication::processEvents();
  (void)view.viewport()->grab();
}

struct Stats {
  double median = 0, p99 = 0, max = 0;
  std::size_t n = 0;
};

Stats stats_of(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.n = v.size();
  s.median = v[v.size() / 2];
  s.p99 = v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * 0.99))];
  s.max = v.back();
  return s;
}

void print_row(const char* what, const Stats& s) {
  std::printf("| %-44s | %6zu | %8.2f | %8.2f | %8.2f |\n", what, s.n, s.median, s.p99, s.max);
}

// 200 jumps to random rows, then page-down steps through 2,000 rows from a random start.
std::pair<Stats, Stats> scroll(QTableView& view, int rows, std::mt19937& rng) {
  std::uniform_int_distribution<int> any(0, rows - 1);
  std::vector<double> jumps, pages;
  for (int i = 0; i < 200; ++i) {
    const int row = any(rng);
    auto t = Stopwatch::now();
    view.scrollTo(view.model()->index(row, 0), QAbstractItemView::PositionAtTop);
    paint(view);
    jumps.push_back(ms_since(t));
  }
  view.scrollTo(view.model()->index(std::max(0, any(rng) - 2000), 0),
                QAbstractItemView::PositionAtTop);
  paint(view);
  const int first = view.rowAt(0);
  while (view.rowAt(0) < first + 2000 && view.rowAt(0) + 1 < rows - 40) {
    auto t = Stopwatch::now();
    view.verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
    paint(view);
    pages.push_back(ms_since(t));
  }
  return {stats_of(jumps), stats_of(pages)};
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
  const char* shot = argc > 2 ? argv[2] : nullptr;
  const char* intake_shot = argc > 3 ? argv[3] : nullptr;
  if (!crypto::initialize()) return 1;
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);

  char tmpl[] = "/tmp/mk-bench-gui-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) return 1;
  const std::filesystem::path dir = std::filesystem::path(tmpl) / "vault";
  FixedClock clock(Date(2026, 11, 2).sys_days() + std::chrono::hours(12));
  Result<service::Session::Created> created = service::Session::create(
      dir, crypto::SecretBuffer::copy_of(std::string_view("bench passphrase 2026")),
      crypto::pwhash_params_for_tests(), clock, "bench");
  if (!created) {
    std::fprintf(stderr, "create: %s\n", created.status().message().c_str());
    return 1;
  }
  service::Session& s = created->session;

  auto t_fill = Stopwatch::now();
  constexpr int kUnit = 5000;
  for (int done = 0; done < n; done += kUnit) {
    Status st = s.transact("bench.fill", [&](vault::UnitOfWork& uow) -> Status {
      for (int i = done; i < std::min(n, done + kUnit); ++i) {
        Result<std::string> id = vault::add_signal(uow, nth_signal(i));
        if (!id) return id.status();
      }
      return Status::ok();
    });
    if (!st.is_ok()) {
      std::fprintf(stderr, "fill: %s\n", st.message().c_str());
      return 1;
    }
  }
  const double fill_s = ms_since(t_fill) / 1000.0;

  gui::AppContext context(dir, clock);
  context.adopt(std::move(created->session));

  // Open: the page (filters, lazy model, table view) from construction to its first paint.
  auto t_open = Stopwatch::now();
  auto* page = new gui::SignalsPage(context);
  page->resize(1400, 900);
  page->refresh();
  page->show();
  auto* view = page->findChild<QTableView*>(QStringLiteral("signals"));
  paint(*view);
  const double open_ms = ms_since(t_open);
  const int rows = view->model()->rowCount();
  const std::size_t open_pages = page->model().pages_loaded();

  std::mt19937 rng(20261102);
  auto [jumps, pages] = scroll(*view, rows, rng);

  auto t_sort = Stopwatch::now();
  view->sortByColumn(gui::SignalListModel::kStatus, Qt::AscendingOrder);
  paint(*view);
  const double sort_ms = ms_since(t_sort);
  auto [sorted_jumps, sorted_pages] = scroll(*view, rows, rng);

  auto t_filter = Stopwatch::now();
  vault::SignalFilter labour;
  labour.form = "labour";
  page->model().set_filter(labour);
  paint(*view);
  const double filter_ms = ms_since(t_filter);
  auto [filtered_jumps, filtered_pages] = scroll(*view, page->model().rowCount(), rng);

  if (shot != nullptr) {
    page->model().set_filter({});
    view->sortByColumn(gui::SignalListModel::kReceived, Qt::DescendingOrder);
    view->selectRow(3);
    page->show_details(3);
    page->grab().save(QString::fromLocal8Bit(shot));
  }
  if (intake_shot != nullptr) {
    gui::IntakeDialog dialog(context);
    dialog.show();
    for (const char* name : {"form:labour", "indicator:coercion.imposed_debts", "minor"}) {
      if (auto* box = dialog.findChild<QCheckBox*>(QString::fromLatin1(name)))
        box->setChecked(true);
    }
    dialog.grab().save(QString::fromLocal8Bit(intake_shot));
  }

  std::printf("signals in vault: %d (filled in %.1f s, units of %d)\n", rows, fill_s, kUnit);
  std::printf("page size %zu rows, cache %zu pages\n\n", gui::SignalListModel::kPageRows,
              gui::SignalListModel::kCachedPages);
  std::printf("| %-44s | %8s |\n", "one-off", "ms");
  std::printf("|----------------------------------------------|----------|\n");
  std::printf("| %-44s | %8.1f |\n", "open: construct page to first paint", open_ms);
  std::printf("| %-44s | %8.1f |\n", "sort by status (first paint)", sort_ms);
  std::printf("| %-44s | %8.1f |\n", "filter form=labour (first paint)", filter_ms);
  std::printf("(pages loaded to open: %zu)\n\n", open_pages);
  std::printf("| %-44s | %6s | %8s | %8s | %8s |\n", "step (ms)", "steps", "median", "p99", "max");
  std::printf(
      "|----------------------------------------------|--------|----------|----------|----------|"
      "\n");
  print_row("jump to a random row (received, newest)", jumps);
  print_row("page down (received, newest)", pages);
  print_row("jump to a random row (status)", sorted_jumps);
  print_row("page down (status)", sorted_pages);
  print_row("jump to a random row (form=labour)", filtered_jumps);
  print_row("page down (form=labour)", filtered_pages);
  delete page;
  context.lock();
  std::filesystem::remove_all(tmpl);
  return 0;
}
