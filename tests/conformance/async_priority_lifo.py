import asyncio


async def main() -> None:
    pq: asyncio.PriorityQueue[tuple[int, str]] = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
        pq.put_nowait(item)
    while not pq.empty():
        p, name = await pq.get()
        print("priority", p, name)
    lq: asyncio.LifoQueue[str] = asyncio.LifoQueue(maxsize=3)
    for s in ["x", "y", "z"]:
        await lq.put(s)
    print("full:", lq.full())
    while lq.qsize() > 0:
        print("lifo", lq.get_nowait())


asyncio.run(main())
