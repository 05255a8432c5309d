import asyncio
import time


async def fetch(i: int) -> int:
    await asyncio.sleep(0.05)
    return i * 2


async def main() -> None:
    t0 = time.perf_counter()
    seq = [await fetch(1), await fetch(2), await fetch(3)]
    t_seq = time.perf_counter() - t0
    t0 = time.perf_counter()
    par = await asyncio.gather(fetch(1), fetch(2), fetch(3))
    t_par = time.perf_counter() - t0
    print(seq, par, seq == par)
    print("gather faster:", t_par < t_seq)


asyncio.run(main())
