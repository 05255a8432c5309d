#!/bin/sh
# Every benchmark, one command (`make bench`): each prints its figures and
# its ratios to the peers measured in the same run. Peers that are not
# installed are installed here (as root) or reported missing; tests never
# depend on them.
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  for p in nginx python3-aiohttp python3-uvloop golang-go nodejs libboost1.74-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null ||
      echo "bench: could not install $p; its peer is skipped"
  done
fi
echo "== parse: stdlib lines/s";        "$BUILD/bench/parse/aioc_parse_bench" /usr/lib/python3.11
echo "== runtime W1-W4 vs peers";       sh "$ROOT/bench/peers/run.sh" "$ROOT/build-bench-rt"
echo "== W5 HTTP vs peers";             sh "$ROOT/bench/peers/w5_run.sh" "$ROOT/build-bench-rt"
echo "== W6 files vs peers";            sh "$ROOT/bench/peers/w6_run.sh" "$ROOT/build-bench-rt"
echo "== compile latency";              sh "$ROOT/bench/compile/bench_compile.sh" "$BUILD"
echo "== lint vs ruff-wasm";            sh "$ROOT/bench/lint/run.sh" "$BUILD/compiler/aioc"
