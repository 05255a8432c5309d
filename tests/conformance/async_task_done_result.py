import asyncio


async def value(x: int) -> int:
    await asyncio.sleep(0)
    return x


async def main() -> None:
    t = asyncio.create_task(value(42))
    print(t.done())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t.done(), t.result(), t.cancelled())
    tasks = [asyncio.create_task(value(i)) for i in range(3)]
    print([t.get_name() for t in tasks])
    for t in tasks:
        print(await t, t.done())


asyncio.run(main())
