"""W1-W4 of bench/peers (same algorithms as bench/peers/python/workloads.py),
with the type annotations aioc needs. Run by CPython or compiled by aioc;
compare with bench/peers/aioc/workloads.cpp (hand-written C++)."""
import asyncio
import sys
import time


async def sleeper0() -> None:
    await asyncio.sleep(0)


async def w1(n: int) -> None:
    await asyncio.gather(*[asyncio.create_task(sleeper0()) for _ in range(n)])


async def trivial(i: int) -> int:
    return i


async def w2(n: int) -> int:
    s = 0
    for i in range(n):
        s += await trivial(i)
    return s


async def echo(qin: asyncio.Queue[int], qout: asyncio.Queue[int], n: int) -> None:
    for _ in range(n):
        v = await qin.get()
        await qout.put(v)


async def w3(n: int) -> int:
    a: asyncio.Queue[int] = asyncio.Queue(1)
    b: asyncio.Queue[int] = asyncio.Queue(1)
    t = asyncio.create_task(echo(a, b, n))
    s = 0
    for i in range(n):
        await a.put(i)
        s += await b.get()
    await t
    return s


async def sleeper_ms(ms: int) -> None:
    await asyncio.sleep(ms / 1000)


async def w4(n: int) -> float:
    t0 = time.perf_counter()
    await asyncio.gather(*[asyncio.create_task(sleeper_ms(i % 100)) for i in range(n)])
    return time.perf_counter() - t0


def main() -> None:
    w = sys.argv[1]
    n = int(sys.argv[2])
    t0 = time.perf_counter()
    if w == "w1":
        asyncio.run(w1(n))
        dt = time.perf_counter() - t0
        print(f"w1 n={n} ns_per_task={dt * 1e9 / n:.2f}")
    elif w == "w2":
        s = asyncio.run(w2(n))
        dt = time.perf_counter() - t0
        print(f"w2 n={n} ns_per_await={dt * 1e9 / n:.2f} check={s}")
    elif w == "w3":
        s = asyncio.run(w3(n))
        dt = time.perf_counter() - t0
        print(f"w3 n={n} ns_per_roundtrip={dt * 1e9 / n:.2f} check={s}")
    else:
        el = asyncio.run(w4(n))
        print(f"w4 n={n} late_ms={(el - 0.099) * 1e3:.1f}")


main()
