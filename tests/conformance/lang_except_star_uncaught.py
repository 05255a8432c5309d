import asyncio


async def fail(msg: str) -> None:
    await asyncio.sleep(0.001)
    raise ValueError(msg)


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("one"))
            tg.create_task(fail("two"))
    except* TypeError:
        print("never")
    print("not reached")


asyncio.run(main())
