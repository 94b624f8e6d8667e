#!/usr/bin/env bash
# Builds Meldkluis from scratch and runs every test. The README's test command; .ci/run calls it.
#   scripts/test.sh            release build with warnings as errors, all tests
#   MELDKLUIS_SANITIZE=1 ...   the same under AddressSanitizer and UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

build_dir=build
sanitize=OFF
build_type=Release  # as scripts/demo.sh builds, so the two share one build folder
if [ "${MELDKLUIS_SANITIZE:-0}" = 1 ]; then
  build_dir=build-asan
  sanitize=ON
  # -O1 with line tables only: readable sanitizer reports at a fraction of the -O2 -g build time.
  build_type=Sanitize
  # Third-party caches that live until exit (fontconfig, via Qt) are not our leaks.
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
  -DMELDKLUIS_WERROR=ON -DMELDKLUIS_SANITIZE="$sanitize" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
