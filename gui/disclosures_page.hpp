// "Verstrekkingen": the disclosure register (service::list_disclosures): what went to which
// partner, when, for which purpose, on which legal basis, which fields (and which of them under a
// pseudonym), how many records, and the package's SHA-256; filtered by partner. For the compliance
// officer and the coordinator alike. Field names, codes and hashes only: the register holds no
// identity and nothing here decrypts.
#pragma once

#include <QComboBox>
#include <QLabel>
#include <QTableView>
#include <vector>

#include "gui/page.hpp"
#include "gui/row_table_model.hpp"
#include "vault/disclosure_register.hpp"

namespace mk::gui {

class DisclosuresPage : public Page {
  Q_OBJECT

 public:
  explicit DisclosuresPage(AppContext& context, QWidget* parent = nullptr);

  QString title() const override;
  QString key() const override { return QStringLiteral("disclosures"); }
  bool available_to_compliance() const override { return true; }
  void refresh() override;
  void clear() override;

  const RowTableModel& register_model() const { return *rows_; }
  QComboBox* partner_filter() const { return partner_; }

 private:
  void show_rows();

  std::vector<vault::Disclosure> register_;
  std::map<std::string, std::string> partner_names_;  // id -> registered name
  QComboBox* partner_ = nullptr;
  QLabel* count_ = nullptr;
  RowTableModel* rows_ = nullptr;
  QTableView* view_ = nullptr;
};

Page* make_disclosures_page(AppContext& context, QWidget* parent);

}  // namespace mk::gui
