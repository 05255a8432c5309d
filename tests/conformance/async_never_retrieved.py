import asyncio


async def fails() -> None:
    raise RuntimeError("nobody looks at me")


async def main() -> None:
    t = asyncio.create_task(fails())
    await asyncio.sleep(0.01)
    print("task done:", t.done())
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
