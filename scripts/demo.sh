#!/bin/sh
# Builds are done by `make demo`; this shows aioc on the samples.
set -eu
BUILD=${1:-build}
AIOC="$BUILD/compiler/aioc"
echo "== aioc parse samples/*.py"
"$AIOC" parse samples/*.py samples/mistakes/*.py
echo "== aioc lint samples/mistakes (findings expected)"
"$AIOC" lint samples/mistakes || true
