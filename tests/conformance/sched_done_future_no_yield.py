import asyncio


async def quick() -> int:
    return 5


async def ticker() -> None:
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def main() -> None:
    t = asyncio.create_task(quick())
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("t done:", t.done())
    v = await t
    print("awaiting a done task did not yield:", v)
    v = await t
    print("again", v)
    await tick


asyncio.run(main())
