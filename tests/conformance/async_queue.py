import asyncio


async def producer(q: asyncio.Queue[int], n: int) -> None:
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(-1)


async def consumer(q: asyncio.Queue[int], name: str) -> int:
    total = 0
    while True:
        item = await q.get()
        if item < 0:
            q.task_done()
            break
        print(name, "got", item)
        total += item
        q.task_done()
    return total


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer(q, 5))
    cons = asyncio.create_task(consumer(q, "c1"))
    await prod
    print("total", await cons, q.qsize(), q.empty())
    q2: asyncio.Queue[str] = asyncio.Queue()
    q2.put_nowait("a")
    q2.put_nowait("b")
    print(q2.get_nowait(), q2.qsize())
    try:
        q3: asyncio.Queue[int] = asyncio.Queue(maxsize=1)
        q3.put_nowait(1)
        q3.put_nowait(2)
    except asyncio.QueueFull:
        print("queue full")


asyncio.run(main())
