#!/bin/sh
# Wall time of `aioc compile` (hello world and a ~300-line script, -O0 and
# -O2) and of a cached `aioc run`. Usage: bench/compile/bench_compile.sh [BUILD]
# Each figure is the median of N runs after one warm-up (which also builds
# the precompiled header).
set -eu
BUILD=${1:-build}
AIOC=$(cd "$BUILD" && pwd)/compiler/aioc
N=${N:-5}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/hello.py" <<'PY'
print("hello, world")
PY
/usr/bin/python3 "$(dirname "$0")/gen_300.py" > "$TMP/big.py"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # command... -> seconds (median of N)
  "$@" > /dev/null 2>&1
  i=0
  while [ $i -lt "$N" ]; do
    s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
    echo "$e - $s" | bc
    i=$((i + 1))
  done | median
}
echo "lines: hello=$(wc -l < "$TMP/hello.py") big=$(wc -l < "$TMP/big.py")"
for opt in 0 2; do
  echo "compile hello -O$opt: $(timeit "$AIOC" compile -O$opt "$TMP/hello.py" -o "$TMP/h") s (goal $([ $opt = 0 ] && echo 0.6 || echo 1.3) s)"
  echo "compile 300-line -O$opt: $(timeit "$AIOC" compile -O$opt "$TMP/big.py" -o "$TMP/b") s"
done
echo "cached aioc run hello: $(timeit "$AIOC" run "$TMP/hello.py") s (goal 0.010 s)"
echo "direct exec of the binary: $(timeit "$TMP/h") s"
