#!/usr/bin/env python3
"""Compares ruff-wasm's ASYNC findings with aioc's on the same files.

Both inputs are JSON lines with file, line and code. A finding is the triple
(file, line, code); ruff names its rules (`blocking-sleep-in-async-function`),
so names are mapped to ASYNC codes first."""
import collections
import json
import os
import sys

RUFF_NAMES = {
    "cancel-scope-no-checkpoint": "ASYNC100",
    "trio-sync-call": "ASYNC105",
    "async-function-with-timeout": "ASYNC109",
    "async-busy-wait": "ASYNC110",
    "yield-in-context-manager-in-async-generator": "ASYNC119",
    "async-zero-sleep": "ASYNC115",
    "long-sleep-not-forever": "ASYNC116",
    "blocking-http-call-in-async-function": "ASYNC210",
    "blocking-http-call-httpx-in-async-function": "ASYNC212",
    "create-subprocess-in-async-function": "ASYNC220",
    "run-process-in-async-function": "ASYNC221",
    "wait-for-process-in-async-function": "ASYNC222",
    "blocking-open-call-in-async-function": "ASYNC230",
    "blocking-path-method-in-async-function": "ASYNC240",
    "blocking-input-in-async-function": "ASYNC250",
    "blocking-sleep-in-async-function": "ASYNC251",
}


# ruff reports files it cannot parse (lib2to3's Python 2 test data) as
# `invalid-syntax` diagnostics: not ASYNC findings, so they are counted
# apart instead of showing up as misses.
SYNTAX_ERRORS = collections.Counter()


def load(path):
    out = set()
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        d = json.loads(line)
        if d["code"] == "invalid-syntax":
            SYNTAX_ERRORS[path] += 1
            continue
        code = RUFF_NAMES.get(d["code"], d["code"])
        out.add((os.path.normpath(d["file"]), d["line"], code))
    return out


def not_flagged_reason(path, line):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read().splitlines()
    except OSError:
        return None
    if not 1 <= line <= len(text):
        return None
    marker = "# not-flagged:"
    i = text[line - 1].find(marker)
    return text[line - 1][i + len(marker):].strip() if i >= 0 else None


def main():
    ruff, aioc = load(sys.argv[1]), load(sys.argv[2])
    codes = sorted({c for _, _, c in ruff | aioc})
    print(f"{'code':<10} {'ruff':>6} {'aioc':>6} {'both':>6} {'ruff only':>10} {'aioc only':>10}")
    for c in codes:
        r = {k for k in ruff if k[2] == c}
        a = {k for k in aioc if k[2] == c}
        print(f"{c:<10} {len(r):>6} {len(a):>6} {len(r & a):>6} {len(r - a):>10} {len(a - r):>10}")
    print(f"{'total':<10} {len(ruff):>6} {len(aioc):>6} {len(ruff & aioc):>6} "
          f"{len(ruff - aioc):>10} {len(aioc - ruff):>10}")
    missed = sorted(ruff - aioc)
    # A ruff-only finding is deliberate when its source line says why aioc
    # stays silent: `# not-flagged: REASON`.
    undeliberate = 0
    print(f"\nfindings ruff has that aioc misses: {len(missed)}")
    for f, l, c in missed:
        reason = not_flagged_reason(f, l)
        if reason:
            print(f"  {f}:{l} {c}  deliberate: {reason}")
        else:
            undeliberate += 1
            print(f"  {f}:{l} {c}  MISSED")
    print(f"ruff-only findings that are not deliberate: {undeliberate}")
    for path, n in SYNTAX_ERRORS.items():
        print(f"{path}: {n} syntax-error diagnostics left out (not ASYNC findings)")
    only = collections.Counter(c for _, _, c in aioc - ruff)
    print(f"\nfindings only aioc has: {sum(only.values())} "
          + ", ".join(f"{c}={n}" for c, n in sorted(only.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
