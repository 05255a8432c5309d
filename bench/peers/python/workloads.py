"""W1-W4 in CPython asyncio (or uvloop with --uvloop); same output format as
bench/peers/aioc/workloads.cpp. Usage: workloads.py [--uvloop] w1|w2|w3|w4 N"""
import asyncio
import sys
import time


def status_kb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1])
    return 0


async def sleeper0():
    await asyncio.sleep(0)


async def w1(n):
    await asyncio.gather(*[asyncio.create_task(sleeper0()) for _ in range(n)])


async def trivial(i):
    return i


async def w2(n):
    s = 0
    for i in range(n):
        s += await trivial(i)
    return s


async def echo(qin, qout, n):
    for _ in range(n):
        v = await qin.get()
        await qout.put(v)


async def w3(n):
    a, b = asyncio.Queue(1), asyncio.Queue(1)
    t = asyncio.create_task(echo(a, b, n))
    s = 0
    for i in range(n):
        await a.put(i)
        s += await b.get()
    await t
    return s


async def sleeper_ms(ms):
    await asyncio.sleep(ms / 1000)


async def w4(n):
    t0 = time.perf_counter()
    await asyncio.gather(*[asyncio.create_task(sleeper_ms(i % 100)) for i in range(n)])
    return time.perf_counter() - t0


def main():
    args = sys.argv[1:]
    run = asyncio.run
    if args and args[0] == "--uvloop":
        import uvloop
        args = args[1:]
        run = lambda c: uvloop.run(c) if hasattr(uvloop, "run") else (
            uvloop.install(), asyncio.run(c))[1]
    w, n = args[0], int(args[1])
    base = status_kb("VmRSS:")
    t0 = time.perf_counter()
    if w == "w1":
        run(w1(n))
        dt = time.perf_counter() - t0
        rss = status_kb("VmHWM:") - base
        print(f"w1 n={n} ns_per_task={dt * 1e9 / n:.1f} "
              f"bytes_per_task={rss * 1024 / n:.1f} rss_kb={rss}")
    elif w == "w2":
        s = run(w2(n))
        dt = time.perf_counter() - t0
        print(f"w2 n={n} ns_per_await={dt * 1e9 / n:.2f} check={s}")
    elif w == "w3":
        s = run(w3(n))
        dt = time.perf_counter() - t0
        print(f"w3 n={n} ns_per_roundtrip={dt * 1e9 / n:.1f} check={s}")
    elif w == "w4":
        el = run(w4(n))
        rss = status_kb("VmHWM:") - base
        print(f"w4 n={n} late_ms={(el - 0.099) * 1e3:.1f} rss_kb={rss} "
              f"peak_rss_kb={status_kb('VmHWM:')}")


main()
