# flagged-as: AIO102 AIO103
# Mistake: awaiting independent calls one after another: the latencies add
# up (0.3 s) where asyncio.gather would take 0.1 s.
import asyncio
import time


async def fetch(i):
    await asyncio.sleep(0.05)
    return i * 10


async def main():
    start = time.monotonic()
    a = await fetch(1)
    b = await fetch(2)
    results = []
    for i in range(3, 5):
        results.append(await fetch(i))
    print(a, b, results, f"{time.monotonic() - start:.1f}s")


asyncio.run(main())
