import asyncio


async def fail(n: int) -> None:
    # Both fail in their first step, in the same loop iteration: the group
    # aborts only after both have raised.
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
            tg.create_task(fail(1))
            tg.create_task(fail(2))
            tg.create_task(slow())
    except ExceptionGroup as eg:
        msgs = sorted([str(e) for e in eg.exceptions])
        print("caught", len(eg.exceptions), msgs)
    print("after group")


asyncio.run(main())
