import asyncio


async def boom() -> None:
    await asyncio.sleep(0)
    raise KeyError("k")


async def main() -> None:
    t = asyncio.create_task(boom())
    await t


asyncio.run(main())
