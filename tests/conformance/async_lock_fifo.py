import asyncio


async def user(lock: asyncio.Lock, n: int) -> None:
    print("user", n, "waits")
    async with lock:
        print("user", n, "holds the lock")
        await asyncio.sleep(0)
    print("user", n, "released")


async def main() -> None:
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(user(lock, n)) for n in range(4)]
    await asyncio.sleep(0)
    print("main releases; locked:", lock.locked())
    lock.release()
    for t in tasks:
        await t
    print("locked at end:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
