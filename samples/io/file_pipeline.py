# A file-processing pipeline: one reader task feeds lines from files into a
# bounded Queue, N workers count words, the totals are merged at the end.
#   python3 file_pipeline.py FILE [FILE...]
import asyncio
import sys

import aiofiles


async def reader(paths: list[str], q: asyncio.Queue[str | None], workers: int) -> None:
    for p in paths:
        async with aiofiles.open(p, "r") as f:
            async for line in f:
                await q.put(line)
    for _ in range(workers):
        await q.put(None)


async def worker(q: asyncio.Queue[str | None], counts: dict[str, int]) -> int:
    lines = 0
    while True:
        line = await q.get()
        if line is None:
            return lines
        lines += 1
        for w in line.split():
            counts[w.lower()] = counts.get(w.lower(), 0) + 1


async def main(paths: list[str]) -> None:
    q: asyncio.Queue[str | None] = asyncio.Queue(maxsize=100)
    counts: dict[str, int] = {}
    n = 4
    feeder = asyncio.create_task(reader(paths, q, n))
    results = await asyncio.gather(*[worker(q, counts) for _ in range(n)])
    await feeder
    print(f"{sum(results)} lines, {len(counts)} distinct words")
    for word, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
        print(f"{c:>6} {word}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
