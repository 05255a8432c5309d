#!/bin/sh
# aioc lint against ruff's WebAssembly build, on the same files.
#   sh bench/lint/run.sh [AIOC] [STDLIB_DIR]
# 1. installs @astral-sh/ruff-wasm-nodejs from npm into bench/lint/.ruff
#    (bench-local, git-ignored) unless it is there;
# 2. runs ruff (ASYNC rules, preview on) and `aioc lint` over tests/lint/
#    and samples/mistakes/ and prints the comparison table;
# 3. times both on the CPython standard library (best of 3): by default
#    /usr/lib/python3.11 completed with Debian's test package (~810k lines)
#    in bench/lint/.stdlib (git-ignored).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
AIOC=${1:-$ROOT/build/compiler/aioc}
STDLIB=${2:-}
RUFF_VERSION=0.17.3
[ -x "$AIOC" ] || { echo "run.sh: no aioc binary at $AIOC (make build)"; exit 2; }
if [ ! -f "$HERE/.ruff/node_modules/@astral-sh/ruff-wasm-nodejs/package.json" ]; then
  mkdir -p "$HERE/.ruff"
  npm install --prefix "$HERE/.ruff" --no-audit --no-fund --silent \
    "@astral-sh/ruff-wasm-nodejs@$RUFF_VERSION"
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$ROOT"

echo "== findings on tests/lint and samples/mistakes"
node "$HERE/ruff_lint.js" tests/lint samples/mistakes >"$T/ruff.jsonl" 2>"$T/ruff.err"
cat "$T/ruff.err"
"$AIOC" lint --no-config --format=json tests/lint samples/mistakes >"$T/aioc.jsonl" || true
python3 "$HERE/compare.py" "$T/ruff.jsonl" "$T/aioc.jsonl"

echo
if [ -z "$STDLIB" ]; then
  # CPython's full standard library, about 860k lines as the issue asks:
  # Debian's /usr/lib/python3.11 has no test package, so it is completed
  # with Debian's libpython3.11-testsuite, unpacked bench-locally (apt-get
  # download needs no root and does not touch the system).
  STDLIB=$HERE/.stdlib
  if [ ! -d "$STDLIB/test" ]; then
    rm -rf "$STDLIB" "$T/deb" && mkdir -p "$STDLIB" "$T/deb"
    cp -r /usr/lib/python3.11/. "$STDLIB/"
    if (cd "$T/deb" && apt-get download libpython3.11-testsuite >/dev/null 2>&1); then
      dpkg-deb -x "$T"/deb/*.deb "$T/deb/x"
      cp -rn "$T/deb/x/usr/lib/python3.11/." "$STDLIB/"
    else
      echo "run.sh: apt-get download libpython3.11-testsuite failed;" \
        "timing Debian's stdlib without its test package"
    fi
    find "$STDLIB" -xtype l -delete # dangling links into /usr/lib
  fi
fi
files=$(find "$STDLIB" -name '*.py' | wc -l)
lines=$(find "$STDLIB" -name '*.py' -exec cat {} + | wc -l)
echo "== speed on $STDLIB ($files files, $lines lines)"
echo "   best of 3 by wall clock; CPU = user+sys of that run"
set -- $(python3 "$HERE/timeit.py" 3 node "$HERE/ruff_lint.js" "$STDLIB")
rw=$1 rc=$2 cores=$3
set -- $(python3 "$HERE/timeit.py" 3 "$AIOC" lint --no-config --format=json "$STDLIB")
aw=$1 ac=$2
set -- $(python3 "$HERE/timeit.py" 3 "$AIOC" lint --no-config --format=json --jobs=1 "$STDLIB")
a1w=$1 a1c=$2
printf '%-34s %8s %8s\n' "" "wall ms" "CPU ms"
printf '%-34s %8s %8s\n' "ruff-wasm $RUFF_VERSION (node)" "$rw" "$rc" \
  "aioc lint ($cores threads)" "$aw" "$ac" "aioc lint --jobs=1" "$a1w" "$a1c"
python3 -c "import sys; r,a,a1=map(float,sys.argv[1:4]); print(f'ratio ruff/aioc wall: {r/a:.2f} ({sys.argv[4]} threads), {r/a1:.2f} (one thread)')" \
  "$rw" "$aw" "$a1w" "$cores"
echo "aioc lines/s per core: $(( lines * 1000 / a1c ))"
node "$HERE/ruff_lint.js" "$STDLIB" 2>&1 >/dev/null | sed 's/^/  /'
echo "  aioc: $("$AIOC" lint --no-config --format=json "$STDLIB" 2>/dev/null | wc -l) findings"
