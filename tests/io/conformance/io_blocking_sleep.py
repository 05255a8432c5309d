# time.sleep really blocks the loop: a task scheduled meanwhile runs only
# after the blocking call returns.
import asyncio
import time


async def tick(name: str) -> None:
    print("tick", name)


async def main() -> None:
    t = asyncio.create_task(tick("a"))
    start = time.monotonic()
    time.sleep(0.05)
    print("slept", time.monotonic() - start >= 0.05)
    await t
    print("done")


asyncio.run(main())
