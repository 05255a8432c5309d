import asyncio


async def fail() -> None:
    raise ValueError("in group")


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())


asyncio.run(main())
