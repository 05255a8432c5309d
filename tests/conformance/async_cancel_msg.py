import asyncio


async def sleeper() -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inside, args:", e.args)
        raise


async def main() -> None:
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside, message:", str(e))
    t2 = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t2.cancel(msg="by keyword")
    try:
        await t2
    except asyncio.CancelledError:
        print("second cancelled:", t2.cancelled())


asyncio.run(main())
