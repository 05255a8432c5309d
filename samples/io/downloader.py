# A concurrent downloader: at most LIMIT downloads at once (Semaphore),
# progress as each finishes, files written with aiofiles, failures reported
# without stopping the others.
#   python3 downloader.py OUTDIR LIMIT URL [URL...]
import asyncio
import os
import sys

import aiofiles
import httpx


async def download(client: httpx.AsyncClient, sem: asyncio.Semaphore,
                   url: str, path: str) -> int:
    async with sem:
        r = await client.get(url)
        r.raise_for_status()
        async with aiofiles.open(path, "wb") as f:
            await f.write(r.content)
        return len(r.content)


async def main(outdir: str, limit: int, urls: list[str]) -> int:
    sem = asyncio.Semaphore(limit)
    done = 0
    failed = 0
    total = 0
    async with httpx.AsyncClient(timeout=10.0) as client:
        tasks = [
            asyncio.create_task(
                download(client, sem, u, os.path.join(outdir, f"file{i}.bin")))
            for i, u in enumerate(urls)
        ]
        for fut in asyncio.as_completed(tasks):
            try:
                total += await fut
                done += 1
            except httpx.HTTPError as e:
                failed += 1
                print(f"  failed: {type(e).__name__}")
            print(f"[{done + failed}/{len(urls)}] {total} bytes")
    print(f"{done} downloaded, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])))
