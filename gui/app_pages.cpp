#include "gui/app_pages.hpp"

#include "gui/audit_page.hpp"
#include "gui/cases_page.hpp"
#include "gui/disclosures_page.hpp"
#include "gui/page.hpp"
#include "gui/policies_page.hpp"
#include "gui/reports_page.hpp"
#include "gui/retention_page.hpp"
#include "gui/signals_page.hpp"

namespace mk::gui {

// One line per page; each page's header declares its make_*_page factory.
std::vector<PageFactory> all_pages() {
  return {
      make_signals_page,     make_cases_page, make_retention_page, make_reports_page,
      make_disclosures_page, make_audit_page, make_policies_page,
      // PAGES (keep this marker: each page adds its factory above it)
  };
}

}  // namespace mk::gui
