#!/bin/sh
# The workbench in a real browser (Debian's chromium, headless, driven by
# playwright-core from npm): sets up a store with the UN list and two OFAC
# versions,
# customers re-screened into alerts, and keys for an analyst, a second
# analyst, a reviewer and a viewer; serves it; runs workbench.mjs, which
# walks the main paths, checks accessibility with axe-core and saves a
# screenshot of each page in <build>/browser/shots/.
#   run.sh EMBARGO_BINARY SHARED_DATA BUILD_DIR
set -eu
embargo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data=$2
build=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/browser"
work=$(cd "$build/browser" && pwd)
# A syntax error would show as a page that never draws: say it plainly.
for module in "$here"/../../ui/*.js; do
  node --input-type=module --check < "$module" || { echo "run.sh: $module" >&2; exit 1; }
done
cp "$here/package.json" "$here/package-lock.json" "$here/workbench.mjs" "$work/"
if [ ! -d "$work/node_modules/playwright-core" ] || [ ! -d "$work/node_modules/axe-core" ]; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "run.sh: no chromium on this machine (make deps installs Debian's chromium)" >&2
  exit 1
fi

state=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$state"
}
trap cleanup EXIT INT TERM

"$embargo" import --store "$state/store.db" "$data/un/consolidated-2026-02-27.xml" \
  "$data/ofac/sdn-2024-01-31.csv" > "$state/setup.log"
"$embargo" import --store "$state/store.db" "$data/ofac/sdn-2024-02-23.csv" >> "$state/setup.log"
cat > "$state/customers.csv" <<'CSV'
id,name,birth_date,country,schema
c-ri,리원호,1964-7-17,DPRK,person
c-abbasi,Фереидун Аббаси Давани,,,person
c-yun,YUN HO JIN,,,person
c-kim,김영철,,,person
c-plain,Margarethe Vollenweider,1970-01-01,CH,person
c-kkbc,Korea Kwangson Banking Corp,,,company
CSV
"$embargo" customers import "$state/customers.csv" --store "$state/store.db" >> "$state/setup.log"
"$embargo" rescreen --store "$state/store.db" --threads 1 >> "$state/setup.log"
for holder in viewer:vic analyst:ana analyst:bob reviewer:rev; do
  role=${holder%%:*}
  user=${holder##*:}
  "$embargo" keys hash "key-of-$user-0123456789" --role "$role" --user "$user"
done > "$state/keys"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$embargo" serve --store "$state/store.db" --api-keys "$state/keys" --listen "127.0.0.1:$port" \
  --threads 2 > "$state/serve.log" 2>&1 &
server_pid=$!
i=0
until curl -sf "http://127.0.0.1:$port/healthz" > /dev/null; do
  i=$((i + 1))
  if [ $i -gt 100 ]; then
    echo "run.sh: the server did not start:" >&2
    cat "$state/serve.log" >&2
    exit 1
  fi
  sleep 0.2
done

mkdir -p "$work/shots"
cd "$work"
EMBARGO_URL="http://127.0.0.1:$port" CHROMIUM="$chromium" SHOTS="$work/shots" \
  node workbench.mjs
