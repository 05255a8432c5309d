#!/bin/sh
# aioc lint against ruff's WebAssembly build, on the same files.
#   sh bench/lint/run.sh [AIOC] [STDLIB_DIR]
# 1. installs @astral-sh/ruff-wasm-nodejs from npm into bench/lint/.ruff
#    (bench-local, git-ignored) unless it is there;
# 2. runs ruff (ASYNC rules, preview on) and `aioc lint` over tests/lint/
#    and samples/mistakes/ and prints the comparison table;
# 3. times both on the CPython standard library (wall clock, best of 3).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
AIOC=${1:-$ROOT/build/compiler/aioc}
STDLIB=${2:-/usr/lib/python3.11}
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
echo "== speed on $STDLIB ($(find "$STDLIB" -name '*.py' | wc -l) files," \
  "$(find "$STDLIB" -name '*.py' -exec cat {} + | wc -l) lines)"
now() { date +%s%N; }
best() { # command...: best wall time of 3 runs, in ms
  b=""
  for i in 1 2 3; do
    s=$(now)
    "$@" >/dev/null 2>&1 || true
    e=$(( ($(now) - s) / 1000000 ))
    if [ -z "$b" ] || [ "$e" -lt "$b" ]; then b=$e; fi
  done
  echo "$b"
}
r=$(best node "$HERE/ruff_lint.js" "$STDLIB")
a=$(best "$AIOC" lint --no-config --format=json "$STDLIB")
printf '%-28s %8s ms\n' "ruff-wasm $RUFF_VERSION (node)" "$r" "aioc lint" "$a"
node "$HERE/ruff_lint.js" "$STDLIB" 2>&1 >/dev/null | sed 's/^/  /'
echo "  aioc: $("$AIOC" lint --no-config --format=json "$STDLIB" | wc -l) findings"
