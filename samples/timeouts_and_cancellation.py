"""Timeouts and cancellation.

wait_for and asyncio.timeout() cancel the slow operation and raise
TimeoutError; Task.cancel() raises CancelledError inside the task at its
pending await, where `finally` still runs.
"""
import asyncio


async def slow_query(seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
        return "query result"
    finally:
        print(f"query ({seconds}s) cleaned up")


async def main() -> None:
    print(await asyncio.wait_for(slow_query(0.01), timeout=1.0))
    try:
        await asyncio.wait_for(slow_query(10.0), timeout=0.05)
    except TimeoutError:
        print("wait_for: timed out")

    try:
        async with asyncio.timeout(0.05):
            await slow_query(10.0)
    except TimeoutError:
        print("timeout(): timed out")

    task = asyncio.create_task(slow_query(10.0))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled())


asyncio.run(main())
