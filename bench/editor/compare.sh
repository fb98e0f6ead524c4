#!/bin/sh
# Old vs new editor in the same run: exports <old-ref> and <new-ref> (default HEAD) to temporary
# folders, links node_modules, copies this checkout's bench/editor/ into both (the same probes
# measure both), and runs `bench/editor/run.ts --sizes` in each, one after the other. Prints
# `uptime` before, between and after. Work in this checkout meanwhile does not change the figures.
#   sh bench/editor/compare.sh <old-ref> [<new-ref>]
set -e
OLD_REF=${1:?usage: compare.sh <old-ref> [<new-ref>]}
NEW_REF=${2:-HEAD}
HERE=$(pwd)
run() {
  REV=$(git rev-parse --short "$1")
  DIR=$(mktemp -d)
  git archive "$1" | tar -x -C "$DIR"
  ln -s "$HERE/node_modules" "$DIR/node_modules"
  rm -rf "$DIR/bench/editor"
  cp -r "$HERE/bench/editor" "$DIR/bench/editor"
  (cd "$DIR" && npx tsx bench/editor/run.ts --sizes "$2 $REV" 2>/dev/null | grep '^{')
  rm -rf "$DIR"
}
uptime
run "$OLD_REF" old
uptime
run "$NEW_REF" new
uptime
