# I/O values in dataclasses, tasks, TaskGroup, wait_for and gather (files
# and processes opened concurrently).
import asyncio
import sys
from dataclasses import dataclass

import aiofiles
import httpx


@dataclass
class Result:
    url: str
    resp: httpx.Response


async def fetch(client: httpx.AsyncClient, url: str) -> Result:
    r = await asyncio.wait_for(client.get(url), 5.0)
    return Result(url, r)


async def main(base: str) -> None:
    async with httpx.AsyncClient(timeout=None) as client:
        t = asyncio.create_task(client.get(base + "/hello"))
        r = await t
        print(f"{r.status_code:>5} {r.content[:3]!r}")
        res = await fetch(client, base + "/1k")
        print(res.url[-3:], len(res.resp.content))
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(client.get(base + "/hello"))
        print(t1.result().status_code)
    async with aiofiles.open("/tmp/aioc-bag.txt", "w") as f:
        await f.write("a\nb\n")
    files = await asyncio.gather(*[aiofiles.open("/tmp/aioc-bag.txt") for _ in range(3)])
    texts = await asyncio.gather(*[f.read() for f in files])
    print(texts)
    for f in files:
        await f.close()
    procs = await asyncio.gather(*[asyncio.create_subprocess_exec("sh", "-c", f"exit {i}") for i in range(3)])
    codes = await asyncio.gather(*[p.wait() for p in procs])
    print(codes)


asyncio.run(main(sys.argv[1]))
