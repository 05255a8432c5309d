#!/usr/bin/python3
"""Conformance check for one script: compile it with aioc (-O0), run the
binary and CPython 3.11 (/usr/bin/python3, the oracle) on it, and compare
stdout, the last line of stderr and the exit status. Any difference fails
with a diff.

Options after the script: `--server PY` starts an HTTP fixture (it prints
"PORT n" and serves until its stdin closes) for the run; `--arg A` (repeat)
passes arguments to both runs, with {URL} replaced by the fixture's
http://127.0.0.1:PORT (each run gets its own server; the URL is turned back
into {URL} in the outputs before comparing); `--stdin TEXT` feeds TEXT to both runs' stdin."""
import difflib
import os
import subprocess
import sys
import tempfile

aioc, script = sys.argv[1], sys.argv[2]
TIMEOUT = 60
server_script = None
script_args = []
stdin_text = None
rest = sys.argv[3:]
while rest:
    opt = rest.pop(0)
    if opt == "--server":
        server_script = rest.pop(0)
    elif opt == "--arg":
        script_args.append(rest.pop(0))
    elif opt == "--stdin":
        stdin_text = rest.pop(0)
    else:
        sys.exit(f"run_one.py: unknown option {opt}")


def run_side(cmd, **kw):
    """Runs one side with a fresh fixture server (so that server-side
    counters such as /stats start from zero for both)."""
    if not server_script:
        return subprocess.run(cmd + script_args, **kw)
    server = subprocess.Popen(["/usr/bin/python3", server_script],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        port = server.stdout.readline().split()[1]
        url = f"http://127.0.0.1:{port}"
        r = subprocess.run(
            cmd + [a.replace("{URL}", url) for a in script_args], **kw)
        # The two servers have different ports: compare with "{URL}".
        r.stdout = r.stdout.replace(url, "{URL}")
        r.stderr = r.stderr.replace(url, "{URL}")
        return r
    finally:
        server.stdin.close()
        server.wait(timeout=30)



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
    got = run_side([exe], capture_output=True, text=True,
                   timeout=TIMEOUT, cwd=cwd, env=env, input=stdin_text)
    want = run_side(["/usr/bin/python3", os.path.abspath(script)],
                    capture_output=True, text=True, timeout=TIMEOUT,
                    cwd=cwd, env=env, input=stdin_text)
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
