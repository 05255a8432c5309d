# W5: N GETs of one small URL with at most 100 in flight, the httpx way.
# The same script for CPython (httpx) and for aioc; prints one result line.
import asyncio
import sys
import time

import httpx


async def fetch(client: httpx.AsyncClient, sem: asyncio.Semaphore, url: str) -> int:
    async with sem:
        r = await client.get(url)
        return len(r.content)


async def main() -> None:
    url = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    sem = asyncio.Semaphore(100)
    t0 = time.perf_counter()
    async with httpx.AsyncClient() as client:
        sizes = await asyncio.gather(*[fetch(client, sem, url) for _ in range(n)])
    dt = time.perf_counter() - t0
    print(f"{n} requests {sum(sizes)} bytes {dt:.3f} s {n / dt:.0f} req/s")


asyncio.run(main())
