import asyncio


async def main() -> None:
    await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)


asyncio.run(main())
