import asyncio


async def producer(q: asyncio.Queue[str], name: str, n: int) -> None:
    for i in range(n):
        await q.put(f"{name}-{i}")
        await asyncio.sleep(0)


async def consumer(q: asyncio.Queue[str], seen: list[str]) -> None:
    while True:
        item = await q.get()
        seen.append(item)
        q.task_done()


async def main() -> None:
    q: asyncio.Queue[str] = asyncio.Queue()
    seen: list[str] = []
    workers = [asyncio.create_task(consumer(q, seen)) for _ in range(2)]
    await asyncio.gather(producer(q, "p1", 3), producer(q, "p2", 3))
    await q.join()
    for w in workers:
        w.cancel()
    print(sorted(seen), len(seen))


asyncio.run(main())
