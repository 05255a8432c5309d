import asyncio

items: list[int] = []


async def consumer(cond: asyncio.Condition, n: int) -> None:
    async with cond:
        await cond.wait_for(lambda: len(items) >= n)
        print("consumer", n, "sees", len(items), "items")


async def producer(cond: asyncio.Condition) -> None:
    for i in range(4):
        await asyncio.sleep(0)
        async with cond:
            items.append(i)
            print("produced", i)
            cond.notify_all()


async def main() -> None:
    cond = asyncio.Condition()
    await asyncio.gather(consumer(cond, 2), consumer(cond, 4), producer(cond))


asyncio.run(main())
