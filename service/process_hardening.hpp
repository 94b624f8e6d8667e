// Process-wide protections set first thing in main() of every face (CLI and GUI): no core dumps (a
// dump would hold keys and decrypted personal data), no ptrace attach by other processes of the
// same user, and a umask that keeps every file this process creates private to its owner.
#pragma once

namespace mk::service {

// Switches core dumps off, makes the process non-dumpable and sets umask 077. Returns false when
// core dumps could not be switched off; the caller must not continue then.
bool harden_process();

// Reads the protections back from the kernel: true only when RLIMIT_CORE is 0 (soft and hard) and
// the process is not dumpable. main() refuses to start when this is false after harden_process().
bool core_dumps_disabled();

}  // namespace mk::service
