"""Runs a command N times; prints the best wall time and the CPU time
(user+sys of the command and its children) of that run, in ms.
    timeit.py N command...
Output is discarded: only the time is the point."""
import os
import resource
import subprocess
import sys
import time

n = int(sys.argv[1])
cmd = sys.argv[2:]
best = None
for _ in range(n):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if best is None or wall < best[0]:
        best = (wall, cpu)
print(f"{best[0] * 1000:.0f} {best[1] * 1000:.0f} {os.cpu_count()}")
