import asyncio


async def noop() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="custom")
    c = asyncio.create_task(noop())
    print(a.get_name(), b.get_name(), c.get_name())
    await asyncio.gather(a, b, c)
    async with asyncio.TaskGroup() as tg:
        d = tg.create_task(noop(), name="in-group")
        e = tg.create_task(noop())
    print(d.get_name(), e.get_name())


asyncio.run(main())
