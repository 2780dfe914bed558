#!/usr/bin/env bash
# Runs each libFuzzer harness of a fuzz build in turn for SECONDS, from the
# seed corpus (BUILD/corpus/<harness>, kept as generated) and the inputs
# earlier runs found (BUILD/work/<harness>, where new ones go), with the
# harness's dictionary (fuzz/<harness>.dict) when there is one; then prints
# executions, exec/s, coverage (cov, ft: libFuzzer's last status line) and
# crashes per harness. Crash inputs go to BUILD/crashes/<harness>/, logs to
# $FUZZ_LOGS (default BUILD/logs). Exit 1 when a harness crashed.
#   fuzz/run.sh BUILD SECONDS [HARNESS...]
set -uo pipefail
build=${1:?usage: fuzz/run.sh BUILD SECONDS [HARNESS...]}
seconds=${2:?usage: fuzz/run.sh BUILD SECONDS [HARNESS...]}
shift 2
harnesses=${*:-lists ofac batch names snapshot http payments}
here=$(cd "$(dirname "$0")" && pwd)
logs=${FUZZ_LOGS:-$build/logs}
mkdir -p "$logs"
# Scratch files of the harnesses that write them (ofac, snapshot) stay in memory.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi

failed=0
printf '%-9s %8s %12s %8s %7s %7s %8s  %s\n' harness seconds execs exec/s cov ft corpus crashes
for h in $harnesses; do
  binary=$build/fuzz_$h
  work=$build/work/$h
  crashes=$build/crashes/$h
  log=$logs/fuzz_$h.log
  mkdir -p "$work" "$crashes"
  dict=()
  [ -f "$here/$h.dict" ] && dict=(-dict="$here/$h.dict")
  start=$(date +%s)
  "$binary" "$work" "$build/corpus/$h" "${dict[@]}" -max_total_time="$seconds" \
    -print_final_stats=1 -timeout=30 -rss_limit_mb=2560 -artifact_prefix="$crashes/" \
    >"$log" 2>&1
  status=$?
  took=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  verdict=0
  if [ "$status" -ne 0 ]; then
    unit=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
    verdict="1 (exit $status: ${unit:-no input written}; log $log)"
    failed=1
  fi
  printf '%-9s %8s %12s %8s %7s %7s %8s  %s\n' "$h" "$took" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "${corp:-?}" "$verdict"
done
exit $failed
