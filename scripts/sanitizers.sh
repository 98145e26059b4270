#!/usr/bin/env bash
# Memory and concurrency checks (issue "Reliability and security", §6):
#  (a) LeakSanitizer/AddressSanitizer over 1,000 renders in one process (Fuzz/Sources/RenderLoop,
#      built with -sanitize=address), Graphviz's, fontconfig's and the runtimes' own allocations
#      suppressed by Tests/lsan.supp: any report left is a leak or memory error in orgnet code;
#  (b) ThreadSanitizer over the Concurrency suite: swift test --sanitize=thread --filter Concurrency.
# Separate build folders (.build-asan, .build-tsan) keep the normal build untouched.
#   scripts/sanitizers.sh [RENDERS]        (default 1000)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RENDERS=${1:-1000}
status=0

echo "== (a) LeakSanitizer: $RENDERS renders"
( cd Fuzz && swift build -c debug --product RenderLoop --scratch-path .build-asan -Xswiftc -sanitize=address 2>&1 \
    | grep -E "error|warning: unre" ; exit "${PIPESTATUS[0]}" ) || { echo "RenderLoop build failed"; exit 2; }
LOOP=$(cd Fuzz && swift build -c debug --scratch-path .build-asan --show-bin-path)/RenderLoop
log=$(mktemp)
# Crash shapes (rewritten) and hostile labels from the corpus, read through DOTImport.
files=(Tests/Hostile/crash-*.dot Tests/Hostile/dot-script-in-labels.dot Tests/Hostile/dot-links-and-urls.dot
       Tests/Hostile/dot-unicode-ids.dot Tests/Hostile/dot-syntax-missing-head.dot)
ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:exitcode=23" \
LSAN_OPTIONS="suppressions=$ROOT/Tests/lsan.supp:print_suppressions=1:report_objects=0" \
SWIFT_BACKTRACE=enable=no "$LOOP" "$RENDERS" "${files[@]}" >"$log" 2>&1
rc=$?
grep -E "^RenderLoop:" "$log"
lost=$(grep -Eo "SUMMARY: AddressSanitizer: [0-9]+ byte\(s\) leaked" "$log" | grep -Eo "[0-9]+" | head -1)
suppressed=$(awk '/Suppressions used:/{f=1;next} f&&/^ *[0-9]+ +[0-9]+ /{b+=$2} END{print b+0}' "$log")
if [ $rc -ne 0 ] || grep -q "ERROR: AddressSanitizer" "$log"; then
  status=1
  echo "!! (a) FAILED (exit $rc): ${lost:-0} bytes leaked in orgnet code or a memory error; log: $log"
  grep -E "ERROR|SUMMARY|#[0-9]+ .* in " "$log" | head -30
else
  echo "(a) ok: 0 bytes definitely lost in orgnet code; ${suppressed} bytes in suppressed libraries (Graphviz, fontconfig, runtimes)"
  rm -f "$log"
fi

echo "== (b) ThreadSanitizer: swift test --sanitize=thread --filter Concurrency"
tlog=$(mktemp)
TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1" SWIFT_BACKTRACE=enable=no \
  swift test --scratch-path .build-tsan --sanitize=thread --filter Concurrency >"$tlog" 2>&1
trc=$?
races=$(grep -c "WARNING: ThreadSanitizer" "$tlog")
grep -E "Test run with|Executed [0-9]+ test" "$tlog" | tail -2
if [ $trc -ne 0 ] || [ "$races" -ne 0 ]; then
  status=1
  echo "!! (b) FAILED (exit $trc, $races ThreadSanitizer warnings); log: $tlog"
  grep -A12 "WARNING: ThreadSanitizer" "$tlog" | head -40
else
  echo "(b) ok: ThreadSanitizer clean"
  rm -f "$tlog"
fi
exit $status
