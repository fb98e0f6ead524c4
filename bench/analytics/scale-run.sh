#!/usr/bin/env bash
# One-command re-run of the scale figures (issue 14 item 7) on a quiet machine; prints Markdown:
# each benchmark's own table, then one summary table (one row per size).
# Usage: [SIZES="10000000"] [BIG=100000000] [REPS=3] bash bench/analytics/scale-run.sh [EVENTS] [BIG]
#   SIZES  event counts, space-separated (default: EVENTS, else 10000000): per size, `log stats`
#          against DuckDB's raw typed scan and the SQL baseline (stats-e2e.ts, REPS runs), every
#          question on an imported log (library-questions.ts) and the ClickHouse load against
#          ClickHouse's own CSV insert (clickhouse-load.ts native,wayline; skipped when no
#          ClickHouse answers at WAYLINE_CLICKHOUSE_URL or http://127.0.0.1:18123).
#   BIG    one `log stats` on that many events under /usr/bin/time -v (0 skips; default 100000000).
# Generated files go to /tmp/wayline-scale-N.csv and are deleted afterwards (kept when they existed).
# A small end-to-end check: SIZES="100000" BIG=0 REPS=1 bash bench/analytics/scale-run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-${1:-10000000}}
BIG=${BIG:-${2:-100000000}}
REPS=${REPS:-3}
OUT=$(mktemp -d /tmp/wayline-scale-run.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
CH_URL=${WAYLINE_CLICKHOUSE_URL:-http://127.0.0.1:18123}

# Generates FILE with N events unless it exists; prints "generated" when it made it.
generate() {
  if [ -f "$2" ]; then return; fi
  npx tsx bench/analytics/generate.ts "$1" "$2" >&2
  echo generated
}

for N in $SIZES; do
  F=/tmp/wayline-scale-$N.csv
  made=$(generate "$N" "$F")
  echo "### log stats vs raw typed scan ($N events)"
  npx tsx bench/analytics/stats-e2e.ts "$F" "$REPS" | tee "$OUT/stats-$N.md"
  echo; echo "### questions on an imported log ($N events)"
  npx tsx bench/analytics/library-questions.ts "$F" | tee "$OUT/questions-$N.md"
  echo
  if curl -fsS "$CH_URL/ping" >/dev/null 2>&1; then
    echo "### ClickHouse load ($N events)"
    npx tsx bench/analytics/clickhouse-load.ts "$F" 1 native,wayline | tee "$OUT/clickhouse-$N.md"
  else
    echo "### ClickHouse load ($N events): skipped, no ClickHouse at $CH_URL"
  fi
  echo
  if [ "$made" = generated ]; then rm -f "$F"; fi
done

if [ "$BIG" != 0 ]; then
  B=/tmp/wayline-scale-$BIG.csv
  made=$(generate "$BIG" "$B")
  echo "### DuckDB log stats on $BIG events (/usr/bin/time -v)"
  /usr/bin/time -v node bin/wayline.js log stats "$B" --json 2> "$OUT/big.time" | head -c 300; echo
  grep -E "Elapsed|Maximum resident" "$OUT/big.time"
  if [ "$made" = generated ]; then rm -f "$B"; fi
  echo
fi

echo "### Summary"
echo
echo "| events | log stats / raw typed scan (target ≤ 2×) | log stats / SQL baseline | slowest question on the imported log, first / repeat ms (target < 500) | ClickHouse load / native insert |"
echo "|---|---|---|---|---|"
for N in $SIZES; do
  raw=$(sed -n 's/.*wayline \/ raw typed scan: \([0-9.]*×\).*/\1/p' "$OUT/stats-$N.md")
  base=$(sed -n 's/^wayline \/ baseline: \([0-9.]*×\).*/\1/p' "$OUT/stats-$N.md")
  slow=$(awk -F'|' '/^\| [a-z]/ && $3 ~ /[0-9]/ { q=$2; f=$3+0; r=$4+0; if (f > mf) { mf=f; mq=q; mr=r } }
    END { gsub(/^ +| +$/, "", mq); printf "%s: %d / %d", mq, mf, mr }' "$OUT/questions-$N.md")
  ch=$( [ -f "$OUT/clickhouse-$N.md" ] && awk -F'|' '$2 ~ /^ wayline $/ { gsub(/ /, "", $5); print $5 }' "$OUT/clickhouse-$N.md" || echo "–")
  echo "| $N | ${raw:-?} | ${base:-?} | ${slow:-?} | ${ch:-?} |"
done
