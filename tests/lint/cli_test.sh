#!/bin/sh
# End-to-end checks of `aioc lint`: exit codes, formats, --explain for every
# code, directory walking, pyproject settings, a syntax error among files.
set -u
AIOC=$1
ROOT=$2
FIX=$ROOT/tests/lint/fixtures
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
check() { # name, expected status, actual status
  if [ "$2" != "$3" ]; then echo "FAIL: $1: exit $3, expected $2"; fail=1; fi
}

"$AIOC" lint --no-config "$FIX/ASYNC251.py" >"$T/out" 2>&1; check findings 1 $?
grep -q 'ASYNC251.py:11:5: warning: `time.sleep` blocks the event loop' "$T/out" ||
  { echo "FAIL: text output"; cat "$T/out"; fail=1; }

printf 'import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0)\n' >"$T/clean.py"
"$AIOC" lint --no-config "$T/clean.py" >"$T/out" 2>&1; check clean 0 $?
[ -s "$T/out" ] && { echo "FAIL: output on a clean file"; cat "$T/out"; fail=1; }

"$AIOC" lint >"$T/out" 2>&1; check no-paths 2 $?
"$AIOC" lint --format=xml "$T/clean.py" >"$T/out" 2>&1; check bad-format 2 $?
"$AIOC" lint --select NOPE "$T/clean.py" >"$T/out" 2>&1; check bad-code 2 $?
"$AIOC" lint "$T/missing.py" >"$T/out" 2>&1; check missing-path 2 $?
"$AIOC" lint --blocking nodot "$T/clean.py" >"$T/out" 2>&1; check bad-blocking 2 $?
"$AIOC" lint --explain NOPE1 >"$T/out" 2>&1; check bad-explain 2 $?

# --explain works for every code the registry lists.
codes=$("$AIOC" lint --explain NOPE1 2>&1 | sed 's/.*(codes: //; s/)//; s/,//g')
[ -n "$codes" ] || { echo "FAIL: no codes listed"; fail=1; }
for c in $codes; do
  "$AIOC" lint --explain "$c" >"$T/out" 2>&1; check "explain $c" 0 $?
  grep -q "^$c (" "$T/out" && grep -q "## Use instead" "$T/out" ||
    { echo "FAIL: explain $c"; cat "$T/out"; fail=1; }
done

# JSON lines: every line is an object with the documented fields.
"$AIOC" lint --no-config --format=json "$FIX" >"$T/json" 2>"$T/err"; check json 1 $?
python3 - "$T/json" <<'PY' || fail=1
import json, sys
n = 0
for line in open(sys.argv[1]):
    d = json.loads(line)
    for k in ("file", "line", "column", "end_line", "end_column", "code", "message", "fix"):
        assert k in d, (k, d)
    assert d["line"] >= 1 and d["column"] >= 1
    n += 1
assert n > 100, n
PY

# SARIF: one run, rules and results consistent.
"$AIOC" lint --no-config --format=sarif "$FIX/project" >"$T/sarif" 2>"$T/err"; check sarif 1 $?
python3 - "$T/sarif" <<'PY' || fail=1
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0"
run, = log["runs"]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids))
assert run["results"]
for r in run["results"]:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    loc = r["locations"][0]["physicalLocation"]
    assert not loc["artifactLocation"]["uri"].startswith("/")
    assert loc["region"]["startLine"] >= 1
PY

# SARIF against the 2.1.0 schema's structure (every fixture, so every rule
# and chain locations), and the checker itself rejects a broken log.
"$AIOC" lint --no-config --format=sarif "$FIX" >"$T/all.sarif" 2>"$T/err"; check sarif-all 1 $?
python3 "$ROOT/tests/lint/sarif_check.py" "$T/all.sarif" || fail=1
python3 - "$T/all.sarif" "$T/bad.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
del log["runs"][0]["tool"]["driver"]["name"]
log["runs"][0]["results"][0]["level"] = "warn"
json.dump(log, open(sys.argv[2], "w"))
PY
python3 "$ROOT/tests/lint/sarif_check.py" "$T/bad.sarif" >"$T/out" 2>&1 &&
  { echo "FAIL: sarif_check accepted a broken log"; fail=1; }

# JSON `chain` (SPEC §5): a cross-file chain lists each step with its file.
"$AIOC" lint --no-config --format=json "$FIX/project" >"$T/json" 2>"$T/err"; check json-chain 1 $?
python3 - "$T/json" <<'PY' || fail=1
import json, sys
chains = [d for d in map(json.loads, open(sys.argv[1])) if "chain" in d]
assert chains, "no finding with a chain"
files = set()
for d in chains:
    for step in d["chain"]:
        for k in ("file", "line", "column", "end_line", "end_column", "callee"):
            assert k in step, (k, step)
        files.add(step["file"])
    files.add(d["file"])
assert len(files) > 1, "no chain crosses files"
PY

# A syntax error is reported, the other files still linted, exit 1.
mkdir -p "$T/proj"
printf 'def f(:\n' >"$T/proj/bad.py"
printf 'import time\n\n\nasync def g():\n    time.sleep(1)\n' >"$T/proj/good.py"
"$AIOC" lint --no-config "$T/proj" >"$T/out" 2>&1; check syntax-error 1 $?
grep -q "bad.py" "$T/out" && grep -q "ASYNC251" "$T/out" ||
  { echo "FAIL: syntax error handling"; cat "$T/out"; fail=1; }

# pyproject.toml settings apply; the command line can narrow them.
printf '[tool.aioc.lint]\nignore = ["ASYNC251"]\n' >"$T/proj/pyproject.toml"
rm "$T/proj/bad.py"
"$AIOC" lint --select ASYNC251 "$T/proj" >"$T/out" 2>&1; check pyproject-ignore 0 $?
printf '[tool.aioc.lint]\nblocking = ["json.loads=json.loads is fine really"]\n' >"$T/proj/pyproject.toml"
printf 'import json\n\n\nasync def g():\n    json.loads("1")\n    await g()\n' >"$T/proj/good.py"
"$AIOC" lint "$T/proj" >"$T/out" 2>&1; check pyproject-blocking 1 $?
grep -q AIO101 "$T/out" || { echo "FAIL: blocking from pyproject"; cat "$T/out"; fail=1; }

exit $fail
