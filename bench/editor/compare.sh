#!/bin/sh
# Old vs new editor in the same run: exports <old-ref> to a temporary folder, links node_modules,
# copies this checkout's bench/editor/ there (the same probes measure both), and runs
# `bench/editor/run.ts --sizes` there and here, one after the other. Prints `uptime` before,
# between and after.
#   sh bench/editor/compare.sh <old-ref>
set -e
OLD_REF=${1:?usage: compare.sh <old-ref>}
HERE=$(pwd)
TMP=$(mktemp -d)
git archive "$OLD_REF" | tar -x -C "$TMP"
ln -s "$HERE/node_modules" "$TMP/node_modules"
rm -rf "$TMP/bench/editor"
cp -r "$HERE/bench/editor" "$TMP/bench/editor"
uptime
(cd "$TMP" && npx tsx bench/editor/run.ts --sizes "old $OLD_REF" 2>/dev/null | grep '^{')
uptime
npx tsx bench/editor/run.ts --sizes "new $(git rev-parse --short HEAD)" 2>/dev/null | grep '^{'
uptime
rm -rf "$TMP"
