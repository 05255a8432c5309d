import asyncio


async def producer(q: asyncio.Queue[int]) -> None:
    for i in range(5):
        await q.put(i)
        print("put", i, "size", q.qsize(), "full", q.full())
    await q.put(-1)


async def consumer(q: asyncio.Queue[int]) -> None:
    while True:
        v = await q.get()
        print("got", v)
        if v < 0:
            break


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize, "empty", q.empty())
    await asyncio.gather(producer(q), consumer(q))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")


asyncio.run(main())
