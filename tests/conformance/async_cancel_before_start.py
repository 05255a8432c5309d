import asyncio


async def body() -> None:
    print("body must not run")


async def main() -> None:
    t = asyncio.create_task(body())
    print("cancel returns", t.cancel())
    print("cancelled yet?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("CancelledError from a task cancelled before its first step")
    print("cancelled:", t.cancelled(), "done:", t.done())
    print("cancel again returns", t.cancel())


asyncio.run(main())
