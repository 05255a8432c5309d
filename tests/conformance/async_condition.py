import asyncio


async def consumer(cond: asyncio.Condition, box: list[int], name: str) -> None:
    async with cond:
        while not box:
            await cond.wait()
        print(name, "got", box.pop())


async def main() -> None:
    cond = asyncio.Condition()
    box: list[int] = []
    tasks = [asyncio.create_task(consumer(cond, box, f"c{i}")) for i in range(2)]
    await asyncio.sleep(0.01)
    for v in [10, 20]:
        async with cond:
            box.append(v)
            cond.notify()
        await asyncio.sleep(0.01)
    await asyncio.gather(*tasks)
    print("left", box)


asyncio.run(main())
