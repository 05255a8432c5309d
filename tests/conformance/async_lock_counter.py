import asyncio

counter = 0


async def increment(lock: asyncio.Lock, times: int) -> None:
    global counter
    for _ in range(times):
        async with lock:
            current = counter
            await asyncio.sleep(0)
            counter = current + 1


async def main() -> None:
    lock = asyncio.Lock()
    await asyncio.gather(*[increment(lock, 10) for _ in range(5)])
    print("counter", counter)


asyncio.run(main())
