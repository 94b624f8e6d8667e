// Qt draws text only inside a QGuiApplication (it owns the font database). A program without one
// (the CLI, a test) creates an OffscreenGui before rendering a PDF; it makes a QGuiApplication on
// Qt's "offscreen" platform, so no display is needed. Where a QGuiApplication already exists (the
// GUI), it does nothing.
#pragma once

#include <memory>

class QGuiApplication;

namespace mk::reports {

class OffscreenGui {
 public:
  OffscreenGui();
  ~OffscreenGui();
  OffscreenGui(const OffscreenGui&) = delete;
  OffscreenGui& operator=(const OffscreenGui&) = delete;

 private:
  int argc_ = 3;
  char* argv_[4];
  std::unique_ptr<QGuiApplication> app_;
};

// True when a QGuiApplication exists in this process (renderers refuse to work without one).
bool have_gui_application();

}  // namespace mk::reports
