// The pages of the main window, in navigation order. Each page's .cpp defines its factory; this
// list is the one place that names them all (the main window, the screenshot command and the GUI
// tests use it).
#pragma once

#include <QWidget>
#include <functional>
#include <vector>

namespace mk::gui {

class AppContext;
class Page;

using PageFactory = std::function<Page*(AppContext&, QWidget* parent)>;

// Every page, in the order of the navigation list. Pages not available to the current role are
// filtered out by the main window, not here.
std::vector<PageFactory> all_pages();

}  // namespace mk::gui
