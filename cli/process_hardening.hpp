// Process-wide protections set first thing in main(): no core dumps (a dump would hold keys and
// decrypted personal data), no ptrace attach by other processes of the same user, and a umask
// that keeps every file this process creates private to its owner.
#pragma once

namespace mk::cli {

// Returns false when core dumps could not be switched off; the caller must not continue then.
bool harden_process();

}  // namespace mk::cli
