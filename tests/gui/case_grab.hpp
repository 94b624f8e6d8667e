// Screenshots of the case tests for a human to look at: when MELDKLUIS_GUI_GRAB names a folder,
// grab() saves `widget` there as NAME.png; otherwise nothing is written.
#pragma once

#include <QDir>
#include <QString>
#include <QWidget>

namespace mk::gui::test {

inline void maybe_grab(QWidget& widget, const QString& name) {
  const QString dir = qEnvironmentVariable("MELDKLUIS_GUI_GRAB");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

}  // namespace mk::gui::test
