import asyncio


async def forever(name: str) -> None:
    try:
        while True:
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main() -> None:
    t = asyncio.create_task(forever("solo"))
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("solo done", t.cancelled())
    t2 = asyncio.create_task(forever("x"))
    await asyncio.sleep(0)
    t2.cancel("stop now")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("msg:", e)


asyncio.run(main())
