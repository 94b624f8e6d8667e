// Questions asked before irreversible or revealing work (shredding, showing a person's data on the
// screen). They are asked on the terminal (/dev/tty, as the passphrase prompt is) and answered
// "j", "ja", "y" or "yes"; anything else is no. --yes answers for scripts. Without a terminal and
// without --yes the command is a usage error, decided before the vault is opened.
#pragma once

#include <string_view>

#include "cli/outcome.hpp"

namespace mk::cli {

// True when a terminal can be asked (/dev/tty opens and is a terminal).
bool terminal_available();

// Ok when `assume_yes` or a terminal is available; else a usage error whose hint names --yes and
// `command` ("retention sweep").
Exit require_terminal_or_yes(bool assume_yes, std::string_view command);

// Asks `question` (followed by " [j/N] ") on the terminal and reads one line. True for yes, or
// without asking when `assume_yes`. A usage error when there is no terminal.
Outcome<bool> confirm(std::string_view question, bool assume_yes);

}  // namespace mk::cli
