import asyncio


async def tiny(i: int) -> int:
    await asyncio.sleep(0)
    return i % 7


async def main() -> None:
    tasks = [asyncio.create_task(tiny(i)) for i in range(2000)]
    total = 0
    for t in tasks:
        total += await t
    print("total", total)
    rs = await asyncio.gather(*[tiny(i) for i in range(1000)])
    print(len(rs), sum(rs))


asyncio.run(main())
