# A concurrent downloader: at most LIMIT downloads at once (Semaphore),
# a progress line as each finishes, files written with aiofiles, failures
# reported without stopping the others.
#   python3 downloader.py OUTDIR LIMIT URL [URL...]
import asyncio
import sys

import aiofiles
import httpx


async def download(client: httpx.AsyncClient, sem: asyncio.Semaphore,
                   url: str, path: str, finished: list[int], total: int) -> str:
    try:
        async with sem:
            r = await client.get(url)
            r.raise_for_status()
            async with aiofiles.open(path, "wb") as f:
                await f.write(r.content)
            result = f"{len(r.content)} bytes"
    except httpx.HTTPError as e:
        result = f"failed: {type(e).__name__}"
    finished.append(1)
    print(f"[{len(finished)}/{total}]")
    return result


async def main(outdir: str, limit: int, urls: list[str]) -> int:
    sem = asyncio.Semaphore(limit)
    finished: list[int] = []
    async with httpx.AsyncClient(timeout=10.0) as client:
        results = await asyncio.gather(*[
            download(client, sem, u, f"{outdir}/file{i}.bin", finished, len(urls))
            for i, u in enumerate(urls)
        ])
    failed = 0
    for i, res in enumerate(results):
        print(f"file{i}.bin: {res}")
        if res.startswith("failed"):
            failed += 1
    print(f"{len(urls) - failed} downloaded, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])))
