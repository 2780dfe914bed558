#!/usr/bin/env bash
# Usage: tests/run_shards.sh N TEST_BINARY [GTEST ARGS...]
#
# Runs a GoogleTest binary as N shards at once (GTEST_TOTAL_SHARDS), one
# process per shard, so that fixtures shared within a process (the
# reference lists, loaded and indexed once per process) are built N times
# instead of once per test as ctest's one-process-per-test does. Used for
# the sanitizer run, where that load is what takes the time. Prints each
# shard's summary and the failures; exits non-zero if any shard failed.
set -uo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 N TEST_BINARY [GTEST ARGS...]" >&2
  exit 2
fi
shards="$1"
shift
logs="$(mktemp -d /tmp/embargo-shards.XXXXXX)"
pids=()
for ((i = 0; i < shards; i++)); do
  GTEST_TOTAL_SHARDS="$shards" GTEST_SHARD_INDEX="$i" "$@" >"$logs/shard-$i.log" 2>&1 &
  pids+=("$!")
done
status=0
for ((i = 0; i < shards; i++)); do
  if ! wait "${pids[$i]}"; then status=1; fi
done
for ((i = 0; i < shards; i++)); do
  log="$logs/shard-$i.log"
  echo "== shard $i of $shards: $(grep -E '^\[==========\] [0-9]+ tests' "$log" | tail -n 1)"
  grep -E '^\[  (PASSED|SKIPPED|FAILED) +\]' "$log" | grep -v '^\[  SKIPPED' || true
  if grep -q '^\[  FAILED  \]' "$log" || ! grep -q '^\[  PASSED  \]' "$log"; then
    status=1
    echo "-- shard $i output (failures and the last lines):"
    grep -E -B2 -A20 'Failure|^\[  FAILED  \]|ERROR: AddressSanitizer|runtime error' "$log" | head -n 400
    tail -n 20 "$log"
  fi
done
rm -rf "$logs"
exit "$status"
