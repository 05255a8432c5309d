#!/usr/bin/env python3
"""Runs W1-W4 for aioc and its peers once and prints each figure and its
ratio to aioc's. Usage:
  run.py AIOC_PEER_BENCH GO_BINARY [--asio=ASIO_BINARY] [--quick]

W1 spawn N tasks that each sleep(0) once, gathered: ns/task, bytes/task
W2 10M awaits of a trivial coroutine: ns/await
W3 1M round trips through two Queue(maxsize=1): ns/round trip
W4 100k tasks sleeping (i % 100) ms: ms late after the ideal ~100 ms, RSS

Besides each program's own wall-clock figure, every per-item workload also
gets "CPU ns/item": the child's user+sys CPU time (getrusage) for n items
minus that of a run with n=1 (interpreter/runtime start-up), divided by n.
The machine is shared, so wall time mostly measures how much CPU the
scheduler granted; CPU time is the figure to compare.
"""
import resource
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([-\d.]+)", line)}


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, env=None, timeout=600):
    """Runs one workload; returns (figures, error). figures["cpu_s"] is the
    child's user+sys CPU seconds."""
    e = dict(os.environ)
    e.update(env or {})
    c0 = child_cpu()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=e,
                             timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as ex:
        return None, str(ex)
    cpu = child_cpu() - c0
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[-1:] or ["failed"]
    r = parse(out.stdout.strip().splitlines()[-1])
    r["cpu_s"] = cpu
    return r, None


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
    asio_bin = next((a.split("=", 1)[1] for a in sys.argv
                     if a.startswith("--asio=")), "")
    if asio_bin and os.path.exists(asio_bin):
        # C++20 awaitable/co_spawn on one io_context run by one thread.
        peers.append(("boost-asio", lambda w, n: [asio_bin, w, str(n)], {}))
    else:
        print("(Boost.Asio peer not built: skipped)")
    if go_bin and os.path.exists(go_bin):
        # One OS thread, like the single-threaded loops it is compared with.
        peers.append(("go-1thread", lambda w, n: [go_bin, w, str(n)],
                      {"GOMAXPROCS": "1"}))
    workloads = [
        ("w1", 100_000, [("ns_per_task", "wall ns/task"),
                         ("cpu_ns", "CPU ns/task"),
                         ("bytes_per_task", "bytes/task")]),
        ("w1", 1_000_000, [("ns_per_task", "wall ns/task"),
                           ("cpu_ns", "CPU ns/task"),
                           ("bytes_per_task", "bytes/task")]),
        ("w2", 10_000_000, [("ns_per_await", "wall ns/await"),
                            ("cpu_ns", "CPU ns/await")]),
        ("w3", 1_000_000, [("ns_per_roundtrip", "wall ns/round trip"),
                           ("cpu_ns", "CPU ns/round trip")]),
        ("w4", 100_000, [("late_ms", "ms late"), ("rss_kb", "RSS KiB"),
                         ("cpu_ms", "CPU ms (whole process)")]),
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
            if r is not None and w != "w4":
                # Start-up CPU (interpreter, runtime, JIT) is not per item.
                r0, _ = run(cmd(w, 1), env)
                base_cpu = r0["cpu_s"] if r0 else 0.0
                r["cpu_ns"] = max(r["cpu_s"] - base_cpu, 0.0) * 1e9 / m
            if r is not None and w == "w4":
                r["cpu_ms"] = r["cpu_s"] * 1e3
            results[name] = (r, err, m)
        print(f"\n{w.upper()} n={n:,}")
        for key, label in metrics:
            base = results["aioc"][0]
            print(f"  {label}:")
            for name, (r, err, m) in results.items():
                if r is None:
                    print(f"    {name:16s} failed: {err}")
                    continue
                if key not in r:
                    print(f"    {name:16s} (not reported)")
                    continue
                v = r[key]
                ratio = ""
                if base and base.get(key) and name != "aioc":
                    ratio = f"  ({v / base[key]:.2f}x aioc)"
                note = "" if m == n else f"  [n={m:,}]"
                print(f"    {name:16s} {v:12.2f}{ratio}{note}")


if __name__ == "__main__":
    main()
