#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, from the seeds in tests/fuzz/corpus plus what earlier runs
# found (BUILD/corpus), and prints executions and findings. Exit 1 when any target found a crash.
set -uo pipefail
build=${1:?usage: run.sh BUILD_DIR SECONDS}
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
status=0
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for format in voc coco yolo labelme edge image; do
  corpus="$build/corpus/$format"
  findings="$build/findings/$format"
  mkdir -p "$corpus" "$findings"
  log="$build/fuzz_$format.log"
  "$build/fuzz_$format" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "$here/corpus/$format" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  crashes=$(find "$findings" -type f | wc -l)
  where=""
  [ "$crashes" -ne 0 ] && where=" in $findings"
  echo "fuzz_$format: ${runs:-?} executions in ${seconds} s, $(find "$corpus" -type f | wc -l) corpus files, $crashes finding(s)$where"
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    grep -m1 -A30 'ERROR: \|==ERROR\|runtime error\|deadly signal' "$log" | head -40
  fi
done
exit $status
