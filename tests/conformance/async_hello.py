import asyncio


async def main() -> None:
    print("start")
    await asyncio.sleep(0.01)
    print("end")


asyncio.run(main())
