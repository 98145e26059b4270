#!/usr/bin/env bash
# Runs orgnet's libFuzzer targets (Fuzz/) from the committed seed corpus Fuzz/Corpus/<target>/,
# either for a fixed number of inputs each (--runs N: what CI does, so that every machine, fast or
# slow, tries the same inputs) or for SECONDS each (default 60, for exploring), and prints the
# executions per target. Exits non-zero when a
# target finds a crash, a leak in orgnet code, a timeout or an out-of-memory input; the input
# is kept as Fuzz/artifacts/<target>-crash-* (reproduce: Fuzz/.build/debug/<target> FILE).
#   scripts/fuzz.sh [--runs N | SECONDS] [TARGET...]
# The mutation seed is fixed (FUZZ_SEED, default 1917) so that CI's smoke runs are repeatable;
# give another (FUZZ_SEED=$RANDOM scripts/fuzz.sh 600) to explore further.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LIMIT=(-max_total_time=60); WHAT="60s"
if [ "${1:-}" = "--runs" ]; then
  [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [--runs N | SECONDS] [TARGET...]" >&2; exit 64; }
  LIMIT=(-runs="$2"); WHAT="$2 inputs"; shift 2
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  LIMIT=(-max_total_time="$1"); WHAT="${1}s"; shift
fi
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(FuzzYAML FuzzDOTImport FuzzRenderSpec FuzzSelectors)

echo "== building fuzz targets (-sanitize=fuzzer,address)"
for t in "${TARGETS[@]}"; do
  ( cd Fuzz && swift build -c debug --product "$t" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
      | grep -vE "warning: Cannot export local symbol|^\[[0-9]+/[0-9]+\]|^Building|^Compiling|^Write" ; exit "${PIPESTATUS[0]}" ) \
    || { echo "fuzz build of $t failed"; exit 2; }
done
BIN=$(cd Fuzz && swift build -c debug --show-bin-path)

mkdir -p Fuzz/artifacts
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export LSAN_OPTIONS="suppressions=$ROOT/Tests/lsan.supp:print_suppressions=0"
export SWIFT_BACKTRACE=enable=no
status=0
summary=""
for t in "${TARGETS[@]}"; do
  work=$(mktemp -d)            # new inputs go here, the committed seeds stay as they are
  log=Fuzz/artifacts/$t.log
  echo "== $t: $WHAT"
  "$BIN/$t" "$work" "Fuzz/Corpus/$t" "${LIMIT[@]}" -seed="${FUZZ_SEED:-1917}" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="Fuzz/artifacts/$t-" >"$log" 2>&1
  rc=$?
  runs=$(grep -Eo "stat::number_of_executed_units: *[0-9]+" "$log" | grep -Eo "[0-9]+$" | tail -1)
  [ -z "$runs" ] && runs=$(grep -Eo "Done [0-9]+ runs" "$log" | grep -Eo "[0-9]+" | tail -1)
  if [ $rc -ne 0 ]; then
    status=1
    echo "!! $t: FINDING (exit $rc); see $log and Fuzz/artifacts/$t-*"
    grep -E "ERROR|SUMMARY|Fatal error|deadly signal|==[0-9]+==" "$log" | head -5
    summary+="$t: ${runs:-?} executions, FINDING"$'\n'
  else
    summary+="$t: ${runs:-?} executions, no findings"$'\n'
  fi
  rm -rf "$work"
done
echo "== fuzz summary ($WHAT per target, seed ${FUZZ_SEED:-1917})"
printf "%s" "$summary"
exit $status
