"""Sequential awaits vs asyncio.gather.

Three independent "requests" of 100 ms each: awaiting them one after the
other takes ~300 ms; gather runs them concurrently in ~100 ms. The results
are the same and in the same order either way.
"""
import asyncio
import time


async def fetch(item: int) -> str:
    await asyncio.sleep(0.1)  # stands in for network I/O
    return f"item-{item}"


async def main() -> None:
    start = time.perf_counter()
    sequential = [await fetch(1), await fetch(2), await fetch(3)]
    seq_time = time.perf_counter() - start

    start = time.perf_counter()
    concurrent = await asyncio.gather(fetch(1), fetch(2), fetch(3))
    par_time = time.perf_counter() - start

    print("sequential:", sequential)
    print("gather:    ", concurrent)
    print("same results:", sequential == concurrent)
    print("gather at least 2x faster:", par_time * 2 < seq_time)


asyncio.run(main())
