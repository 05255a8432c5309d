#!/bin/sh
# Builds are done by `make demo`; this shows aioc on the samples: compile a
# seed sample to a native binary and run it, run another through the cache,
# then parse and lint.
set -eu
BUILD=${1:-build}
AIOC="$BUILD/compiler/aioc"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "== aioc compile samples/sequential_vs_gather.py && run it"
"$AIOC" compile -O2 samples/sequential_vs_gather.py -o "$OUT/seq_vs_gather"
"$OUT/seq_vs_gather"
echo "== aioc run samples/taskgroup.py"
"$AIOC" run samples/taskgroup.py
echo "== aioc parse samples/*.py"
"$AIOC" parse samples/*.py samples/mistakes/*.py
echo "== aioc lint samples/mistakes (findings expected)"
"$AIOC" lint samples/mistakes || true
