import asyncio
from typing import AsyncIterator


async def ticker(delay: float) -> AsyncIterator[int]:
    i = 0
    while True:
        await asyncio.sleep(delay)
        i += 1
        yield i


async def watch() -> None:
    try:
        async for t in ticker(0.01):
            print("tick", t)
    except asyncio.CancelledError:
        print("watch cancelled")
        raise


async def main() -> None:
    task = asyncio.create_task(watch())
    await asyncio.sleep(0.035)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw cancel", task.cancelled())
    try:
        async with asyncio.timeout(0.025):
            async for t in ticker(0.01):
                print("timed tick", t)
    except TimeoutError:
        print("timeout")


asyncio.run(main())
