import asyncio


async def producer(q: asyncio.Queue[str], name: str, n: int) -> None:
    for i in range(n):
        await q.put(name + str(i))
        await asyncio.sleep(0)


async def consumer(q: asyncio.Queue[str], seen: list[str]) -> None:
    while True:
        item = await q.get()
        seen.append(item)
        q.task_done()


async def main() -> None:
    q: asyncio.Queue[str] = asyncio.Queue(maxsize=3)
    seen: list[str] = []
    c = asyncio.create_task(consumer(q, seen))
    await asyncio.gather(producer(q, "a", 4), producer(q, "b", 3))
    await q.join()
    print("consumed in order:", seen)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("consumer stopped")


asyncio.run(main())
