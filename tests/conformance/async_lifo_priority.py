import asyncio


async def main() -> None:
    lq: asyncio.LifoQueue[int] = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print([lq.get_nowait() for _ in range(4)])
    pq: asyncio.PriorityQueue[tuple[int, str]] = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "z")]:
        await pq.put(item)
    while not pq.empty():
        print(await pq.get())
    try:
        pq.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")


asyncio.run(main())
