#!/usr/bin/env bash
# One-command re-run of the scale figures (issue 14 item 7) on a quiet machine; prints Markdown.
# Usage: bash bench/analytics/scale-run.sh [EVENTS=10000000] [BIG=100000000 or 0 to skip]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000000}; BIG=${2:-100000000}
F=/tmp/wayline-scale-$N.csv
[ -f "$F" ] || npx tsx bench/analytics/generate.ts "$N" "$F" >&2
echo "### log stats vs raw typed scan ($N events)"; npx tsx bench/analytics/stats-e2e.ts "$F" 3
echo; echo "### questions on an imported log ($N events)"; npx tsx bench/analytics/library-questions.ts "$F"
echo; echo "### ClickHouse load ($N events)"; npx tsx bench/analytics/clickhouse-load.ts "$F" 1
if [ "$BIG" != 0 ]; then
  B=/tmp/wayline-scale-$BIG.csv
  [ -f "$B" ] || npx tsx bench/analytics/generate.ts "$BIG" "$B" >&2
  echo; echo "### DuckDB log stats on $BIG events (/usr/bin/time -v)"
  /usr/bin/time -v node bin/wayline.js log stats "$B" --json 2> /tmp/wayline-scale-big.time | head -c 300; echo
  grep -E "Elapsed|Maximum resident" /tmp/wayline-scale-big.time
  rm -f "$B"
fi
rm -f "$F"
