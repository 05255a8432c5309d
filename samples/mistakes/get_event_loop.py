# flagged-as: AIO106
# Mistake: asyncio.get_event_loop() inside a coroutine; use get_running_loop.
import asyncio


async def main():
    loop = asyncio.get_event_loop()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))


asyncio.run(main())
