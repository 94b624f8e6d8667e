// What the user reads when opening or creating a vault fails: one clear Dutch sentence per error
// code (translated like every string), with the service's technical detail where it helps. Status
// messages hold no personal data (base/status.hpp), so they may be shown.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "base/status.hpp"

namespace mk::gui {

class StatusText {
  Q_DECLARE_TR_FUNCTIONS(StatusText)

 public:
  static QString open_error(const Status& status);
};

inline QString describe_open_error(const Status& status) {
  return StatusText::open_error(status);
}

}  // namespace mk::gui
