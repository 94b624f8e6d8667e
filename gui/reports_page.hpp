// "Rapportages": the mayor's report for a chosen period (a year, a half or a quarter), made on the
// worker and shown on screen as its pages (the same drawing as the PDF: tables and charts, small
// counts already withheld), saved as PDF or CSV through the service (audited "report.mayor"). For
// the compliance role also the compliance report (PDF with JSON beside it). Counts only: nothing
// here decrypts.
#pragma once

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <optional>
#include <vector>

#include "gui/page.hpp"
#include "gui/page_dialogs.hpp"
#include "service/period.hpp"

namespace mk::gui {

class ReportsPage : public Page {
  Q_OBJECT

 public:
  explicit ReportsPage(AppContext& context, QWidget* parent = nullptr);

  QString title() const override;
  QString key() const override { return QStringLiteral("reports"); }
  bool available_to_compliance() const override { return true; }
  void refresh() override;
  void clear() override;
  void show_example() override;  // the whole year's report

  // Tests choose the files (PageDialogs::save_file) and record the messages.
  void set_dialogs(PageDialogs dialogs) { dialogs_ = std::move(dialogs); }
  // Selects a period ("2026-Q3", "2026-H1", "2026"); false when it is not one the combo offers.
  bool select_period(const QString& name);
  // The period the controls name.
  service::ReportPeriod period() const;

  QPushButton* make_button() const { return make_; }
  QPushButton* save_pdf_button() const { return save_pdf_; }
  QPushButton* save_csv_button() const { return save_csv_; }
  QPushButton* compliance_button() const { return save_compliance_; }
  // The pages shown (empty before "Maken").
  const std::vector<QImage>& pages() const { return pages_; }

 private:
  void make();
  void save_pdf();
  void save_csv();
  void save_compliance();
  void show_pages();

  PageDialogs dialogs_;
  QSpinBox* year_ = nullptr;
  QComboBox* part_ = nullptr;
  QPushButton* make_ = nullptr;
  QPushButton* save_pdf_ = nullptr;
  QPushButton* save_csv_ = nullptr;
  QPushButton* save_compliance_ = nullptr;
  QLabel* summary_ = nullptr;
  QScrollArea* scroll_ = nullptr;
  QWidget* sheet_ = nullptr;
  QVBoxLayout* sheet_layout_ = nullptr;
  std::vector<QImage> pages_;
  std::optional<service::ReportPeriod> shown_;
};

Page* make_reports_page(AppContext& context, QWidget* parent);

}  // namespace mk::gui
