// The screenshot command (meldkluis-gui --screenshots OUTDIR ...): renders the unlock screen, the
// new-vault dialog and every page of the main window offscreen, in Dutch, at 1280x800, into
// OUTDIR/<nn>-<key>.png. Used for docs/screenshots/ and the README.
#pragma once

#include <QString>
#include <QStringList>
#include <filesystem>
#include <optional>
#include <string>

#include "base/result.hpp"

namespace mk::gui {

class AppContext;

struct ScreenshotOptions {
  std::filesystem::path out_dir;
  std::filesystem::path passphrase_file;  // its first line opens the vault
  std::optional<std::string> slot;        // e.g. "fg" for the compliance officer's view
};

// Requires a QApplication (any platform; main() picks "offscreen") and a locked `context` on an
// existing vault. Opens the vault, writes the images, locks again. Returns the files written.
Result<QStringList> render_screenshots(AppContext& context, const ScreenshotOptions& options);

}  // namespace mk::gui
