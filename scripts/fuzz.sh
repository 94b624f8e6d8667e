#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang-14, ASan + UBSan) and runs each one for a while on a
# copy of its seed corpus (fuzz/corpus/<target>/; the repository's corpus never grows here).
#   scripts/fuzz.sh [SECONDS_PER_TARGET]    default 10; MELDKLUIS_FUZZ_SECONDS overrides
#   MELDKLUIS_FUZZ_JOBS=N                   targets run at once (default: the number of cores, at most 2)
#   MELDKLUIS_FUZZ_TARGETS="json csv"       only these targets
# Prints one line per target: executions, seconds, seed corpus files/bytes, final corpus files,
# crashes. Any crash, hang, out-of-memory or sanitizer report fails the script (exit 1) and prints
# the reproducer's path; rerun one with `build-fuzz/fuzz/fuzz_<target> <reproducer>`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds="${MELDKLUIS_FUZZ_SECONDS:-${1:-10}}"
jobs="${MELDKLUIS_FUZZ_JOBS:-$(nproc)}"
[ "$jobs" -le 2 ] || jobs=2

scripts/setup.sh

build_dir=build-fuzz
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DMELDKLUIS_WERROR=ON -DMELDKLUIS_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target fuzz

# The dictionary of each format (fuzz/dict/), by target.
dictionary_of() {
  case "$1" in
    json | policy_* | import_mapping | backup_manifest) echo fuzz/dict/json.dict ;;
    age_header | age_decrypt | package_open) echo fuzz/dict/age.dict ;;
    checkpoint_body | signed_note | open_checkpoint | verifier_key) echo fuzz/dict/checkpoint.dict ;;
    keyslot_file) echo fuzz/dict/keyslot.dict ;;
    minisign_public_key | package_signature) echo fuzz/dict/minisign.dict ;;
    csv) echo fuzz/dict/csv.dict ;;
    tar | package_members) echo fuzz/dict/tar.dict ;;
  esac
}

runs="$root/$build_dir/fuzz-runs"
rm -rf "$runs"
mkdir -p "$runs"

# run_target NAME: fuzzes NAME for $seconds in $runs/NAME; writes $runs/NAME/line (the table row)
# and $runs/NAME/failed (the reproducers) when it found something.
run_target() {
  local name=$1 dir="$runs/$1"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp -r "fuzz/corpus/$name/." "$dir/corpus/"
  local seed_files seed_bytes
  seed_files=$(find "fuzz/corpus/$name" -type f | wc -l)
  seed_bytes=$(find "fuzz/corpus/$name" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
  local options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
                 -artifact_prefix="$dir/artifacts/")
  local dict
  dict=$(dictionary_of "$name")
  [ -n "$dict" ] && [ -f "$dict" ] && options+=(-dict="$root/$dict")
  local status=0
  "$build_dir/fuzz/fuzz_$name" "${options[@]}" "$dir/corpus" >"$dir/log" 2>&1 || status=$?
  local executions elapsed
  executions=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$dir/log" | tail -1)
  elapsed=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$dir/log" | tail -1)
  local crashes
  crashes=$(find "$dir/artifacts" -type f | wc -l)
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    [ "$crashes" -ne 0 ] || crashes=1
    { find "$dir/artifacts" -type f; echo "log: $dir/log"; } >"$dir/failed"
  fi
  printf '%-22s %12s %6s %6s %9s %6s %7s\n' "$name" "${executions:-?}" "${elapsed:-?}" \
    "$seed_files" "$seed_bytes" "$(find "$dir/corpus" -type f | wc -l)" "$crashes" >"$dir/line"
}

targets=()
if [ -n "${MELDKLUIS_FUZZ_TARGETS:-}" ]; then
  read -r -a targets <<<"$MELDKLUIS_FUZZ_TARGETS"
else
  for t in "$build_dir"/fuzz/fuzz_*; do targets+=("${t##*/fuzz_}"); done
fi

echo "fuzz: ${#targets[@]} targets, ${seconds} s each, ${jobs} at a time"
running=0
for name in "${targets[@]}"; do
  [ -d "fuzz/corpus/$name" ] || { echo "fuzz: no seed corpus fuzz/corpus/$name" >&2; exit 1; }
  run_target "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

printf '%-22s %12s %6s %6s %9s %6s %7s\n' target executions secs seeds "seed B" final crashes
failed=0
for name in "${targets[@]}"; do
  cat "$runs/$name/line"
  if [ -f "$runs/$name/failed" ]; then
    failed=1
    sed 's/^/  reproducer: /' "$runs/$name/failed"
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED (reproducers above; the logs are next to them)" >&2
  exit 1
fi
echo "fuzz: no findings"
