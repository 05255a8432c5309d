# W5 with aiohttp: N GETs, at most 100 in flight (the connector's limit too).
import asyncio
import sys
import time

import aiohttp


async def fetch(session, sem, url):
    async with sem:
        async with session.get(url) as r:
            return len(await r.read())


async def main():
    url = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    sem = asyncio.Semaphore(100)
    t0 = time.perf_counter()
    conn = aiohttp.TCPConnector(limit=100)
    async with aiohttp.ClientSession(connector=conn) as session:
        sizes = await asyncio.gather(*[fetch(session, sem, url) for _ in range(n)])
    dt = time.perf_counter() - t0
    print(f"{n} requests {sum(sizes)} bytes {dt:.3f} s {n / dt:.0f} req/s")


asyncio.run(main())
