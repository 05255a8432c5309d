#!/usr/bin/python3
"""`aioc run` and its cache: the first run compiles, later runs exec the
cached binary (served before aioc's static initialisers, see
compiler/driver/RunCommand.cpp). Checks that both paths pass ARGS and the
exit status through identically, that editing the script invalidates the
entry, that the cache directory is private, and that a missing script is a
usage error."""
import os
import stat
import subprocess
import sys
import tempfile

aioc = sys.argv[1]
failures = []


def check(what, cond):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(tmp, "cache"))
    script = os.path.join(tmp, "args.py")
    with open(script, "w") as f:
        f.write("import sys\nprint(sys.argv[1:])\nsys.exit(len(sys.argv))\n")

    def run(*args):
        return subprocess.run([aioc, "run", script, *args], env=env,
                              capture_output=True, text=True, timeout=300)

    first = run("--", "a", "b c", "--x")
    check("first run output", first.stdout == "['a', 'b c', '--x']\n")
    check("first run status", first.returncode == 4)
    cache = os.path.join(tmp, "cache", "aioc")
    entries = [e for e in os.listdir(cache) if e.startswith("run-")]
    check("one cache entry", len(entries) == 1)
    check("cache is private", stat.S_IMODE(os.stat(cache).st_mode) == 0o700)
    mtime = os.stat(os.path.join(cache, entries[0])).st_mtime_ns
    for args, out, rc in [(("--", "a", "b c", "--x"), "['a', 'b c', '--x']\n", 4),
                          ((), "[]\n", 1), (("--",), "[]\n", 1)]:
        again = run(*args)
        check(f"cached run {args} output", again.stdout == out)
        check(f"cached run {args} status", again.returncode == rc)
    check("cache hit did not rebuild",
          os.stat(os.path.join(cache, entries[0])).st_mtime_ns == mtime)
    with open(script, "a") as f:
        f.write("print('edited')\n")
    edited = run("--", "z")
    check("edited script is recompiled", edited.stdout == "['z']\n" and
          edited.returncode == 2)
    check("edited script has its own entry",
          len([e for e in os.listdir(cache) if e.startswith("run-")]) == 2)
    missing = subprocess.run([aioc, "run", os.path.join(tmp, "nope.py")],
                             env=env, capture_output=True, text=True)
    check("missing script is a usage error", missing.returncode == 2 and
          "cannot read" in missing.stderr)

sys.exit(1 if failures else 0)
