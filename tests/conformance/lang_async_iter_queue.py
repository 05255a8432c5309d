import asyncio


class QueueStream:
    def __init__(self, q: asyncio.Queue[int]) -> None:
        self.q = q

    def __aiter__(self) -> "QueueStream":
        return self

    async def __anext__(self) -> int:
        item = await self.q.get()
        if item < 0:
            raise StopAsyncIteration
        return item


async def producer(q: asyncio.Queue[int]) -> None:
    for i in range(5):
        await q.put(i)
        print("put", i)
        await asyncio.sleep(0)
    await q.put(-1)


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer(q))
    total = 0
    async for item in QueueStream(q):
        print("got", item)
        total += item
    await prod
    print("total", total)


asyncio.run(main())
