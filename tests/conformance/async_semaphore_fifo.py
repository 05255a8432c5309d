import asyncio


async def job(sem: asyncio.Semaphore, n: int) -> None:
    async with sem:
        print("job", n, "enters")
        await asyncio.sleep(0)
        print("job", n, "leaves")


async def main() -> None:
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*[job(sem, n) for n in range(6)])
    print("locked:", sem.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
