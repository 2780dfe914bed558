#!/usr/bin/env bash
# Load test of `embargo serve` on loopback with wrk (Debian package), over all
# reference lists. Bounded in time; every request goes to 127.0.0.1 only.
#   bench/load_test.sh [seconds] [connections]     throughput, latency, RSS every 5 s
#   RELOADS=20 bench/load_test.sh 60               20 reloads during the run
#   CORRUPT=1 bench/load_test.sh 10                then a reload with a corrupted list
#   EMBARGO=../main/build/embargo bench/load_test.sh 60 8   another build, for before/after
#   SCRIPT=bench/load/payments.lua PAYMENT_FILES="a.xml b.fin" bench/load_test.sh 30 8   /payments/screen
#   SCRIPT=bench/load/kim_song_chol.lua LISTS="un/consolidated-2026-02-27.xml ofac/sdn-2024-05-03.csv" \
#     bench/load_test.sh 60 8      issue 15's common-name query over UN + OFAC
#   THREADS=8 ...                  the server's --threads (default: its own, cores - 1)
#   EARLY=1 ...                    start at once, while the cross-list links are being computed
#   STORE=1 ...                    the lists imported into a store and served from it (--store):
#                                  every query is then a screening record (store/screenings.h)
#   STORE=1 NO_RECORDS=1 ...       the same without the records (--no-screening-records)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-60}
CONNECTIONS=${2:-32}
PORT=${PORT:-18080}
DATA=${DATA:-../shared/data}
EMBARGO=${EMBARGO:-build/embargo}
THREADS=${THREADS:-}
LISTS=${LISTS:-}  # files under $DATA to serve, space-separated (default: all)
SCRIPT=${SCRIPT:-bench/load/match.lua}  # bench/load/payments.lua with PAYMENT_FILES="..."
WRK_THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))  # wrk wants connections >= threads
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

cp -r "$DATA" "$WORK/lists"   # a private copy, so CORRUPT=1 never touches the shared data
chmod -R u+w "$WORK/lists"
SERVE_ARGS=(--listen 127.0.0.1:$PORT)
if [ -n "${STORE:-}" ]; then
  IMPORT=()
  if [ -n "$LISTS" ]; then for f in $LISTS; do IMPORT+=("$WORK/lists/$f"); done; else IMPORT+=("$WORK/lists"); fi
  "$EMBARGO" import --store "$WORK/store.db" "${IMPORT[@]}" > /dev/null
  SERVE_ARGS+=(--store "$WORK/store.db")
  [ -n "${NO_RECORDS:-}" ] && SERVE_ARGS+=(--no-screening-records)
elif [ -n "$LISTS" ]; then
  for f in $LISTS; do SERVE_ARGS+=(--lists "$WORK/lists/$f"); done
else
  SERVE_ARGS+=(--lists "$WORK/lists")
fi
[ -n "$THREADS" ] && SERVE_ARGS+=(--threads "$THREADS")
"$EMBARGO" serve "${SERVE_ARGS[@]}" > "$WORK/serve.out" 2> "$WORK/serve.log" &
SERVER=$!
for _ in $(seq 1 600); do curl -sf http://127.0.0.1:$PORT/readyz > /dev/null && break; sleep 0.1; done  # up to 60 s: loading is slower on a busy machine
curl -sf http://127.0.0.1:$PORT/readyz > /dev/null || { echo "server did not start"; cat "$WORK/serve.log"; exit 1; }

# The server links the lists to each other in the background after loading
# (about 20 s of CPU over the reference lists); measure serving after that,
# unless EARLY=1 (then the run overlaps it, as right after a reload).
if [ -z "${EARLY:-}" ]; then
  waited=0
  until curl -sf http://127.0.0.1:$PORT/readyz | grep -q '"cross_links_ready":true'; do
    sleep 0.5; waited=$((waited + 1)); [ $waited -gt 600 ] && break
  done
  echo "cross-list links ready after load: $((waited / 2)) s"
fi
rss() { awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$SERVER/status; }
echo "rss after load: $(rss)"
# Warm-up: pool threads take their per-thread buffers as connections arrive.
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d10s -s "$SCRIPT" http://127.0.0.1:$PORT > /dev/null
echo "rss at start: $(rss)"
( for i in $(seq 5 5 "$SECONDS_RUN"); do sleep 5; echo "rss at ${i}s: $(rss)"; done ) &
SAMPLER=$!
if [ -n "${RELOADS:-}" ]; then
  ( sleep 1; for i in $(seq 1 "$RELOADS"); do
      curl -s -o /dev/null -w "reload $i: %{http_code}\n" -d '' -X POST "http://127.0.0.1:$PORT/admin/reload?sync=true"
      sleep $(awk "BEGIN {print ($SECONDS_RUN - 2) / $RELOADS}")
    done ) &
  RELOADER=$!
fi
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s "$SCRIPT" http://127.0.0.1:$PORT | grep -E "RESULT|Latency|Req/Sec|requests in"
wait $SAMPLER 2>/dev/null || true
[ -n "${RELOADER:-}" ] && wait $RELOADER
echo "rss at end: $(rss)"
echo "server log lines with status >= 400: $(grep -c '"status":[45]' "$WORK/serve.log" || true)"
if [ -n "${STORE:-}" ]; then
  kill $SERVER; wait $SERVER 2>/dev/null || true  # its log writes what is still queued
  echo "screening records: $("$EMBARGO" screenings list --store "$WORK/store.db" --limit 1 --format json | python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["id"])')"
  echo "audit rows: $("$EMBARGO" audit verify --store "$WORK/store.db" | sed -n 's/^chain: \([0-9]*\) rows.*/\1/p')"
fi

if [ -n "${CORRUPT:-}" ]; then
  f="$WORK/lists/un/consolidated-2026-02-27.xml"
  head -c 100000 "$f" > "$f.cut" && mv "$f.cut" "$f"
  echo "reload with a truncated UN file: HTTP $(curl -s -o /dev/null -w '%{http_code}' -d '' -X POST "http://127.0.0.1:$PORT/admin/reload?sync=true")"
  echo "readyz after: $(curl -s http://127.0.0.1:$PORT/readyz)"
  echo "still screening: $(curl -s -X POST http://127.0.0.1:$PORT/match/default -d '{"queries":{"q":{"properties":{"name":["Lee Won-ho"]}}}}' | head -c 160)"
fi
