import asyncio


async def fail(n: int, d: float) -> None:
    await asyncio.sleep(d)
    raise ValueError("failure " + str(n))


async def slow() -> None:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow sibling cancelled")
        raise


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, 0.01))
            tg.create_task(fail(2, 0.01))
            tg.create_task(slow())
    except ExceptionGroup as eg:
        msgs = sorted([str(e) for e in eg.exceptions])
        print("caught", len(eg.exceptions), msgs)
    print("after group")


asyncio.run(main())
