#!/bin/sh
# Old vs new export code in the same run, alternating, on the same map and machine load:
#   git worktree add /tmp/export-old <commit> && ln -s "$PWD/node_modules" /tmp/export-old/
#   sh bench/export/compare.sh /tmp/export-old [rounds] [runs]
# The old code runs with React's dev build (what `wayline` ran before it set NODE_ENV) and with
# the production build; the new code with the production build (what `wayline` runs now).
# Each checkout runs from its own folder so tsx applies that checkout's tsconfig (JSX runtime).
set -e
old=$(cd "$1" && pwd); rounds=${2:-2}; runs=${3:-3}
new=$(cd "$(dirname "$0")/../.." && pwd)
bench="$new/bench/export/run.ts"
i=1
while [ "$i" -le "$rounds" ]; do
  echo "## round $i — $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd "$old" && npx tsx "$bench" --runs "$runs" --root "$old" --react dev)
  (cd "$old" && npx tsx "$bench" --runs "$runs" --root "$old" --react production)
  (cd "$new" && npx tsx "$bench" --runs "$runs" --root "$new" --react production)
  i=$((i + 1))
done
