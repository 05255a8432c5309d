#!/usr/bin/python3
"""Conformance check for one script: compile it with aioc (-O0), run the
binary and CPython 3.11 (/usr/bin/python3, the oracle) on it, and compare
stdout, the last line of stderr and the exit status. Any difference fails
with a diff."""
import difflib
import os
import subprocess
import sys
import tempfile

aioc, script = sys.argv[1], sys.argv[2]
TIMEOUT = 60


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


with tempfile.TemporaryDirectory() as tmp:
    exe = os.path.join(tmp, "prog")
    c = subprocess.run([aioc, "compile", "-O0", script, "-o", exe],
                       capture_output=True, text=True, timeout=300)
    if c.returncode != 0:
        print(f"FAIL: aioc compile exited {c.returncode}")
        print(c.stderr)
        sys.exit(1)
    env = dict(os.environ)
    env.pop("PYTHONASYNCIODEBUG", None)
    cwd = os.path.dirname(os.path.abspath(script))
    got = subprocess.run([exe], capture_output=True, text=True,
                         timeout=TIMEOUT, cwd=cwd, env=env)
    want = subprocess.run(["/usr/bin/python3", os.path.abspath(script)],
                          capture_output=True, text=True, timeout=TIMEOUT,
                          cwd=cwd, env=env)
    ok = True
    if got.stdout != want.stdout:
        ok = False
        print("FAIL: stdout differs (--- CPython, +++ aioc)")
        sys.stdout.writelines(difflib.unified_diff(
            want.stdout.splitlines(True), got.stdout.splitlines(True),
            "cpython", "aioc"))
    if last_line(got.stderr) != last_line(want.stderr):
        ok = False
        print("FAIL: last stderr line differs")
        print("  cpython:", repr(last_line(want.stderr)))
        print("  aioc:   ", repr(last_line(got.stderr)))
        print("aioc stderr:\n" + got.stderr[-2000:])
    if got.returncode != want.returncode:
        ok = False
        print(f"FAIL: exit status cpython={want.returncode} "
              f"aioc={got.returncode}")
    if not ok:
        sys.exit(1)
    print("ok")
