#!/bin/sh
# The workbench's alert queue with 10,000 alerts or more, timed in headless
# chromium: a store with the OFAC list and 10,000 customers named as listed
# entities (every one alerts), re-screened; then the queue page is opened
# five times and the time from navigation to the table's first rows drawn
# (and to the page's last row) is read from the page's own clock
# (performance.now()). Prints each run and the median.
#   bench/workbench_queue.sh [BUILD_DIR] [SHARED_DATA]   (after `make build`)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
data=$(cd "${2:-$here/../shared/data}" && pwd)
embargo="$build/embargo"
work="$build/browser"
mkdir -p "$work"
cp "$here/tests/browser/package.json" "$here/tests/browser/package-lock.json" \
  "$here/bench/workbench_queue.mjs" "$work/"
[ -d "$work/node_modules/playwright-core" ] || (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)

state=$(mktemp -d)
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$state"' EXIT INT TERM
"$embargo" import --store "$state/store.db" "$data/ofac/sdn-2024-02-23.csv" > /dev/null
python3 - "$data/ofac/sdn-2024-02-23.csv" "$state/customers.csv" <<'PY'
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1], encoding="latin-1")) if len(r) > 2]
with open(sys.argv[2], "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["id", "name"])
    for i, r in enumerate(rows[:10000]):
        w.writerow([f"c{i:05d}", r[1]])
PY
"$embargo" customers import "$state/customers.csv" --store "$state/store.db" > /dev/null
"$embargo" rescreen --store "$state/store.db" | grep "alerts:"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$embargo" serve --store "$state/store.db" --listen "127.0.0.1:$port" > "$state/serve.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/healthz" > /dev/null; do sleep 0.2; done
cd "$work"
EMBARGO_URL="http://127.0.0.1:$port" CHROMIUM="${CHROMIUM:-$(command -v chromium)}" \
  node workbench_queue.mjs
