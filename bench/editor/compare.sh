#!/bin/sh
# Old vs new editor in the same run: exports <old-ref> (default: the merge base with main's first
# parent before this branch, given as $1) to a temporary folder, links node_modules, and runs
# bench/editor/sizes.ts there and here, one after the other. Prints `uptime` before and after.
#   sh bench/editor/compare.sh <old-ref>
set -e
OLD_REF=${1:?usage: compare.sh <old-ref>}
HERE=$(pwd)
TMP=$(mktemp -d)
git archive "$OLD_REF" | tar -x -C "$TMP"
ln -s "$HERE/node_modules" "$TMP/node_modules"
cp "$HERE/bench/editor/sizes.ts" "$TMP/bench/editor/sizes.ts"
uptime
(cd "$TMP" && npx tsx bench/editor/sizes.ts "old $OLD_REF" 2>/dev/null | grep '^{')
npx tsx bench/editor/sizes.ts "new $(git rev-parse --short HEAD)" 2>/dev/null | grep '^{'
uptime
rm -rf "$TMP"
