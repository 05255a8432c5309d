# W6: write N 4 KiB files, then read them all back, at most 64 in flight,
# the aiofiles way. The same script for CPython (aiofiles) and for aioc.
#   python3 w6_files.py DIR [N]
import asyncio
import sys
import time

import aiofiles


async def write_one(sem: asyncio.Semaphore, path: str, data: bytes) -> None:
    async with sem:
        async with aiofiles.open(path, "wb") as f:
            await f.write(data)


async def read_one(sem: asyncio.Semaphore, path: str) -> int:
    async with sem:
        async with aiofiles.open(path, "rb") as f:
            return len(await f.read())


async def main() -> None:
    d = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    data = bytes(i % 251 for i in range(4096))
    paths = [f"{d}/f{i}" for i in range(n)]
    sem = asyncio.Semaphore(64)
    t0 = time.perf_counter()
    await asyncio.gather(*[write_one(sem, p, data) for p in paths])
    t1 = time.perf_counter()
    sizes = await asyncio.gather(*[read_one(sem, p) for p in paths])
    t2 = time.perf_counter()
    print(f"{n} files {sum(sizes)} bytes write {n / (t1 - t0):.0f} files/s "
          f"read {n / (t2 - t1):.0f} files/s")


asyncio.run(main())
