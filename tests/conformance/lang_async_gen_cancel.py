import asyncio
from typing import AsyncIterator


async def ticker(slow_after: int) -> AsyncIterator[int]:
    i = 0
    while True:
        i += 1
        # Fast ticks first, then one that only a cancel or timeout ends.
        await asyncio.sleep(0 if i <= slow_after else 10)
        yield i


async def watch(seen: asyncio.Event) -> None:
    try:
        async for t in ticker(3):
            print("tick", t)
            if t == 3:
                seen.set()
    except asyncio.CancelledError:
        print("watch cancelled")
        raise


async def main() -> None:
    seen = asyncio.Event()
    task = asyncio.create_task(watch(seen))
    await seen.wait()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw cancel", task.cancelled())
    try:
        async with asyncio.timeout(0.05):
            async for t in ticker(2):
                print("timed tick", t)
    except TimeoutError:
        print("timeout")


asyncio.run(main())
