#include "service/process_hardening.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace mk::service {

bool harden_process() {
  struct rlimit no_core {};
  no_core.rlim_cur = 0;
  no_core.rlim_max = 0;
  if (::setrlimit(RLIMIT_CORE, &no_core) != 0) return false;
  // Not dumpable: no core even where a core pattern pipes to a helper, and no ptrace attach or
  // /proc/PID/mem access by other processes running as the same user.
  if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) return false;
  ::umask(077);
  return true;
}

bool core_dumps_disabled() {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_CORE, &limit) != 0) return false;
  if (limit.rlim_cur != 0 || limit.rlim_max != 0) return false;
  return ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

}  // namespace mk::service
