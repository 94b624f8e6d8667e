#!/usr/bin/env bash
# Installs exactly the Debian (bookworm) packages Meldkluis needs to build, test and run, without
# asking anything. Safe to run again: packages already present are left alone.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config ninja-build clang-format
  # fuzzing (scripts/fuzz.sh): Clang and its libFuzzer/sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # libraries (the stack)
  libsodium-dev libsqlcipher-dev libcereal-dev catch2
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  # tools the tests use: SQLCipher/SQLite shells, partner-side age and minisign, PyNaCl
  sqlcipher sqlite3 age minisign python3 python3-nacl
  # running the GUI without a display
  xvfb xauth
  # rendering report PDFs to PNG for tests and screenshots
  poppler-utils fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
