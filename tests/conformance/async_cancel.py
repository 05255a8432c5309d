import asyncio


async def sleeper() -> str:
    try:
        print("sleeping")
        await asyncio.sleep(10)
        return "woke"
    except asyncio.CancelledError:
        print("cancelled while sleeping")
        raise
    finally:
        print("cleanup")


async def main() -> None:
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print("cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print(t.cancelled(), t.done())
    t2 = asyncio.create_task(sleeper())
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled before start")


asyncio.run(main())
