#!/bin/sh
# W1-W4 compiled by aioc from bench/compile/workloads_typed.py vs the
# hand-written C++ of bench/peers/aioc/workloads.cpp, both built at -O2
# against the same runtime library, plus CPython for reference (at n/10).
# Each figure is the median of R runs (default 3); W4 reports how late the
# last of n sleepers of 0-99 ms finished.
# Usage: bench/compile/bench_workloads.sh BUILD [RUNTIME_LIB]
set -eu
BUILD=$1
LIB=${2:-$BUILD/runtime/libaioc_runtime.a}
R=${R:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CXX="clang++-16 -std=c++20 -O2 -pthread -fuse-ld=lld -I$ROOT/runtime/include"
"$BUILD/compiler/aioc" compile -O2 "$ROOT/bench/compile/workloads_typed.py" -o "$TMP/compiled"
$CXX "$ROOT/bench/peers/aioc/workloads.cpp" "$LIB" -Wl,--as-needed -lcurl -o "$TMP/handwritten"
# The time metric: ns_per_* (W1-W3; W1 also prints bytes_per_task) or late_ms.
metric() { sed -e 's/.* ns_per_[a-z]*=\([-0-9.]*\).*/\1/' -e 's/.* late_ms=\([-0-9.]*\).*/\1/'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
med() { # program args... -> median metric of R runs
  i=0
  while [ $i -lt "$R" ]; do "$@" | metric; i=$((i + 1)); done | median
}
for w in "w1 100000" "w2 10000000" "w3 1000000" "w4 100000"; do
  set -- $w
  h=$(med "$TMP/handwritten" "$1" "$2")
  c=$(med "$TMP/compiled" "$1" "$2")
  p=$(/usr/bin/python3 "$ROOT/bench/compile/workloads_typed.py" "$1" "$(($2 / 10))" | metric)
  unit=ns; [ "$1" = w4 ] && unit="ms late"
  echo "$1: hand-written $h $unit, compiled $c $unit, ratio $(echo "scale=2; $c / $h" | bc), CPython (n/10) $p $unit"
done
