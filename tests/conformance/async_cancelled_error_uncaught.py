import asyncio


async def victim() -> None:
    await asyncio.sleep(10)


async def main() -> None:
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    await t


asyncio.run(main())
