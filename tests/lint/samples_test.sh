#!/bin/sh
# Every classic-mistake sample must be flagged with the code it names in its
# `# flagged-as:` header, and must run under CPython.
set -u
AIOC=$1
DIR=$2
fail=0
for f in "$DIR"/*.py; do
  want=$(sed -n 's/^# flagged-as: *//p' "$f")
  [ -n "$want" ] || { echo "FAIL: $f has no flagged-as header"; fail=1; continue; }
  out=$("$AIOC" lint --no-config --format=json "$f")
  st=$?
  [ $st -eq 1 ] || { echo "FAIL: $f: exit $st"; fail=1; }
  for c in $want; do
    echo "$out" | grep -q "\"code\":\"$c\"" ||
      { echo "FAIL: $f not flagged $c"; echo "$out"; fail=1; }
  done
  timeout 20 /usr/bin/python3 "$f" >/dev/null 2>&1 ||
    { echo "FAIL: $f does not run under CPython"; fail=1; }
done
exit $fail
