#!/bin/sh
# The runtime benchmarks, one command: builds aioc's W1-W4 program in a
# Release runtime-only build, builds the Go peer, installs missing peers
# when run as root (python3-uvloop, golang-go; Node is used if present),
# runs everything once and prints figures and ratios. The Boost.Asio peer
# (bench/peers/asio) needs libboost1.74-dev (installed here as root).
#   sh bench/peers/run.sh [BUILD_DIR] [--quick]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build-rt-bench}
QUICK=${2:-}
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  /usr/bin/python3 -c 'import uvloop' 2>/dev/null || apt-get install -y -q python3-uvloop >/dev/null || true
  command -v go >/dev/null || apt-get install -y -q golang-go >/dev/null || true
  [ -f /usr/include/boost/asio/co_spawn.hpp ] ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q libboost1.74-dev >/dev/null || true
fi
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_C_COMPILER=clang-16 \
  -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_BUILD_TYPE=Release \
  -DAIOC_RUNTIME_ONLY=ON >/dev/null
ninja -C "$BUILD" -j2 aioc_peer_bench aioc_runtime_bench >/dev/null
GOBIN=""
if command -v go >/dev/null; then
  GOBIN="$BUILD/go_workloads"
  (cd "$ROOT/bench/peers/go" && GOCACHE="$BUILD/gocache" GO111MODULE=off \
    go build -o "$GOBIN" workloads.go)
fi
ASIOBIN=""
if [ -f /usr/include/boost/asio/co_spawn.hpp ]; then
  ASIOBIN="$BUILD/asio_workloads"
  # Boost 1.74 enables C++20 coroutines by itself only under g++.
  clang++-16 -std=c++20 -O2 -DNDEBUG -DBOOST_ASIO_HAS_CO_AWAIT \
    -DBOOST_ASIO_HAS_STD_COROUTINE "$ROOT/bench/peers/asio/workloads.cpp" \
    -o "$ASIOBIN" -pthread
fi
echo "machine: $(nproc) cores, $(uname -r); load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 "$ROOT/bench/peers/run.py" "$BUILD/bench/runtime/aioc_peer_bench" "$GOBIN" --asio="$ASIOBIN" $QUICK
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
