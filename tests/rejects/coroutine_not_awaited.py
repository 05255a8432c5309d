# expect: 10:5: error: coroutine is called but never awaited; add `await` or schedule it with `asyncio.create_task`
import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    work()


asyncio.run(main())
