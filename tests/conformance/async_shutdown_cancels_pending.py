import asyncio


async def forever(ev: asyncio.Event) -> None:
    await ev.wait()


async def main() -> None:
    ev = asyncio.Event()
    asyncio.create_task(forever(ev))
    await asyncio.sleep(0)
    print("main returns with a task still waiting")


asyncio.run(main())
print("after run")
