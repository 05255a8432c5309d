import asyncio


async def job(n: int, gate: asyncio.Event) -> int:
    if n > 1:
        await gate.wait()
    return n


async def main() -> None:
    gate = asyncio.Event()
    tasks = [asyncio.create_task(job(n, gate)) for n in [1, 5]]
    try:
        for f in asyncio.as_completed(tasks, timeout=0.05):
            print("result", await f)
    except TimeoutError:
        print("timed out")
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks])


asyncio.run(main())
