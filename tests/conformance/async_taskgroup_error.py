import asyncio


async def ok(n: int) -> None:
    try:
        await asyncio.sleep(1)
        print("ok finished", n)
    except asyncio.CancelledError:
        print("ok cancelled", n)
        raise


async def bad() -> None:
    await asyncio.sleep(0.01)
    raise ValueError("boom")


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(bad())
    except ExceptionGroup as eg:
        print("group:", eg)
        for e in eg.exceptions:
            print(" -", repr(e))


asyncio.run(main())
