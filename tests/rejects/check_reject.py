#!/usr/bin/python3
"""A script aioc must refuse: `aioc check` exits 1 and prints every
`# expect: LINE:COL: error: MESSAGE` line of the script as
`FILE:LINE:COL: error: MESSAGE`."""
import subprocess
import sys

aioc, script = sys.argv[1], sys.argv[2]
expected = [l.split("# expect:", 1)[1].strip()
            for l in open(script, encoding="utf-8") if "# expect:" in l]
if not expected:
    print("FAIL: no `# expect:` line in", script)
    sys.exit(1)
r = subprocess.run([aioc, "check", script], capture_output=True, text=True,
                   env={"TERM": "dumb", "PATH": "/usr/bin:/bin"})
ok = r.returncode == 1
if not ok:
    print(f"FAIL: exit status {r.returncode}, expected 1")
for e in expected:
    if f"{script}:{e}" not in r.stderr:
        ok = False
        print("FAIL: missing diagnostic:", e)
if not ok:
    print("aioc stderr:\n" + r.stderr)
    sys.exit(1)
print("ok")
