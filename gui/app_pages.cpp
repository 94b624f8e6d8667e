#include "gui/app_pages.hpp"

#include "gui/page.hpp"

namespace mk::gui {

// One line per page; each page's header declares its make_*_page factory.
std::vector<PageFactory> all_pages() {
  return {
      // PAGES (keep this marker: each page adds its factory above it)
  };
}

}  // namespace mk::gui
