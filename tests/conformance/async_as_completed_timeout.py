import asyncio


async def job(n: int) -> int:
    await asyncio.sleep(0.02 * n)
    return n


async def main() -> None:
    tasks = [asyncio.create_task(job(n)) for n in [1, 5]]
    try:
        for f in asyncio.as_completed(tasks, timeout=0.05):
            print("result", await f)
    except TimeoutError:
        print("timed out")
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
