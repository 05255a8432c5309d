#!/bin/sh
# W6: write N 4 KiB files then read them back, at most 64 in flight, in a
# fresh directory under /tmp for each peer. Prints files/s for both phases
# and aioc's ratio to each peer.
# Usage: bench/peers/w6_run.sh [RUNTIME_BUILD_DIR] [N]  (a Release runtime)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build-io-rel}
N=${2:-10000}
PY=/usr/bin/python3
HERE=$ROOT/bench/peers
TMP=$(mktemp -d /tmp/aioc-w6-XXXXXX)
trap 'rm -rf "$TMP"' EXIT INT TERM

clang++-16 -O2 -std=c++20 -I"$ROOT/runtime/include" "$HERE/w6_aioc.cpp" \
  "$BUILD/runtime/libaioc_runtime.a" -lcurl -lpthread -o "$TMP/w6_aioc"

# The io_uring measurement variant (same program, I/O on io_uring), when
# liburing-dev is installed.
if [ -f /usr/include/liburing.h ]; then
  clang++-16 -O2 -std=c++20 -I"$ROOT/runtime/include" "$HERE/w6_uring.cpp" \
    "$BUILD/runtime/libaioc_runtime.a" -luring -lcurl -lpthread -o "$TMP/w6_uring"
fi
if command -v go >/dev/null; then
  (cd "$TMP" && GOCACHE="$TMP/gocache" GO111MODULE=off go build -o w6_go "$HERE/w6_go.go")
fi

run() { # name command... (the directory is appended)
  name=$1
  shift
  mkdir "$TMP/$name.d"
  # Start each peer with no dirty pages of the previous one: otherwise the
  # first peer writes into an empty page cache and the later ones pay for
  # its writeback (seen: 10x apart on the write phase).
  sync
  line=$("$@" "$TMP/$name.d" "$N" 2>"$TMP/$name.err" | tail -1) || line=""
  rm -rf "$TMP/$name.d"
  bytes=$(echo "$line" | awk '{print $3}')
  if [ "$bytes" != "$((N * 4096))" ]; then
    line="FAILED: $line $(head -c 300 "$TMP/$name.err")"
    echo "$name 0 0" >> "$TMP/results"
  else
    echo "$name $(echo "$line" | awk '{print $6, $9}')" >> "$TMP/results"
  fi
  printf '%-12s %s\n' "$name" "$line"
}

echo "W6: $N files of 4 KiB, write then read, <=64 in flight, /tmp on $(df -T /tmp | awk 'NR==2 {print $2}'), $(nproc) cores"
run aioc "$TMP/w6_aioc"
[ -x "$TMP/w6_uring" ] && run aioc-uring "$TMP/w6_uring"
[ -x "$TMP/w6_go" ] && run go "$TMP/w6_go"
command -v node >/dev/null && run node-fs node "$HERE/w6_node.mjs"
run aiofiles $PY "$HERE/w6_files.py"

echo "ratios (aioc files/s / peer files/s): write, read"
awk 'NR==1 {w=$2; r=$3} NR>1 && $2>0 && $3>0 {printf "  aioc / %-10s %.2fx  %.2fx\n", $1, w/$2, r/$3}' "$TMP/results"
