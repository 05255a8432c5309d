import asyncio


async def stubborn() -> str:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        t = asyncio.current_task()
        if t is not None:
            print("cancelling() inside:", t.cancelling())
            print("uncancel() ->", t.uncancel())
        return "survived"
    return "normal"


async def main() -> None:
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print("cancelling after two cancels:", t.cancelling())
    r = await t
    print("result:", r, "cancelled:", t.cancelled())


asyncio.run(main())
