#!/usr/bin/env python3
"""Runs W1-W4 for aioc and its peers once and prints each figure and its
ratio to aioc's. Usage: run.py AIOC_PEER_BENCH GO_BINARY [--quick]

W1 spawn N tasks that each sleep(0) once, gathered: ns/task, bytes/task
W2 10M awaits of a trivial coroutine: ns/await
W3 1M round trips through two Queue(maxsize=1): ns/round trip
W4 100k tasks sleeping (i % 100) ms: ms late after the ideal ~100 ms, RSS
"""
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([-\d.]+)", line)}


def run(cmd, env=None, timeout=600):
    e = dict(os.environ)
    e.update(env or {})
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=e,
                             timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as ex:
        return None, str(ex)
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[-1:] or ["failed"]
    return parse(out.stdout.strip().splitlines()[-1]), None


def main():
    aioc_bin, go_bin = sys.argv[1], sys.argv[2]
    quick = "--quick" in sys.argv
    # Debian's CPython (the project's oracle, where python3-uvloop lives).
    pyexe = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") \
        else sys.executable
    py = [pyexe, os.path.join(HERE, "python", "workloads.py")]
    peers = [
        ("aioc", lambda w, n: [aioc_bin, w, str(n)], {}),
        ("aioc-nofreelist", lambda w, n: [aioc_bin, w, str(n)],
         {"AIOC_FRAME_ALLOC": "0"}),
        ("cpython", lambda w, n: py + [w, str(n)], {}),
    ]
    if subprocess.run([pyexe, "-c", "import uvloop"],
                      capture_output=True).returncode == 0:
        peers.append(("uvloop", lambda w, n: py + ["--uvloop", w, str(n)], {}))
    else:
        print("(uvloop not installed: skipped)")
    if shutil.which("node"):
        js = os.path.join(HERE, "node", "workloads.js")
        peers.append(("node", lambda w, n: ["node", js, w, str(n)], {}))
    if go_bin and os.path.exists(go_bin):
        # One OS thread, like the single-threaded loops it is compared with.
        peers.append(("go-1thread", lambda w, n: [go_bin, w, str(n)],
                      {"GOMAXPROCS": "1"}))
    workloads = [
        ("w1", 100_000, [("ns_per_task", "ns/task"),
                         ("bytes_per_task", "bytes/task")]),
        ("w1", 1_000_000, [("ns_per_task", "ns/task"),
                           ("bytes_per_task", "bytes/task")]),
        ("w2", 10_000_000, [("ns_per_await", "ns/await")]),
        ("w3", 1_000_000, [("ns_per_roundtrip", "ns/round trip")]),
        ("w4", 100_000, [("late_ms", "ms late"), ("rss_kb", "RSS KiB")]),
    ]
    slow = {"cpython", "uvloop"}
    for w, n, metrics in workloads:
        results = {}
        for name, cmd, env in peers:
            m = n
            # CPython needs ~100 ns/await: keep its W2/W3 runs short and
            # scale (per-item figures do not depend on n).
            if quick or (name in slow and w in ("w2", "w3")):
                m = max(n // 10, 1000)
            r, err = run(cmd(w, m), env)
            results[name] = (r, err, m)
        print(f"\n{w.upper()} n={n:,}")
        for key, label in metrics:
            base = results["aioc"][0]
            print(f"  {label}:")
            for name, (r, err, m) in results.items():
                if r is None:
                    print(f"    {name:16s} failed: {err}")
                    continue
                v = r[key]
                ratio = ""
                if base and base.get(key) and name != "aioc":
                    ratio = f"  ({v / base[key]:.2f}x aioc)"
                note = "" if m == n else f"  [n={m:,}]"
                print(f"    {name:16s} {v:12.2f}{ratio}{note}")


if __name__ == "__main__":
    main()
