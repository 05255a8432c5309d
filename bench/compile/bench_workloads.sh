#!/bin/sh
# W1-W3 compiled by aioc from bench/compile/workloads_typed.py vs the
# hand-written C++ of bench/peers/aioc/workloads.cpp, both built at -O2
# against the same runtime library, plus CPython for reference.
# Usage: bench/compile/bench_workloads.sh BUILD [RUNTIME_LIB]
set -eu
BUILD=$1
LIB=${2:-$BUILD/runtime/libaioc_runtime.a}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CXX="clang++-16 -std=c++20 -O2 -pthread -fuse-ld=lld -I$ROOT/runtime/include -I$ROOT/compiler/codegen/include"
"$BUILD/compiler/aioc" emit-cpp "$ROOT/bench/compile/workloads_typed.py" > "$TMP/gen.cpp"
$CXX "$TMP/gen.cpp" "$LIB" -lcurl -o "$TMP/compiled"
$CXX "$ROOT/bench/peers/aioc/workloads.cpp" "$LIB" -lcurl -o "$TMP/handwritten"
for w in "w1 100000" "w2 10000000" "w3 1000000"; do
  set -- $w
  h=$("$TMP/handwritten" "$1" "$2" | sed 's/.*_per_[a-z]*=\([0-9.]*\).*/\1/')
  c=$("$TMP/compiled" "$1" "$2" | sed 's/.*_per_[a-z]*=\([0-9.]*\).*/\1/')
  p=$(/usr/bin/python3 "$ROOT/bench/compile/workloads_typed.py" "$1" "$(($2 / 10))" | sed 's/.*_per_[a-z]*=\([0-9.]*\).*/\1/')
  echo "$1: hand-written $h ns, compiled $c ns, ratio $(echo "scale=2; $c / $h" | bc), CPython $p ns"
done
