import asyncio


async def worker(name: str, q: asyncio.Queue[int]) -> None:
    while True:
        item = await q.get()
        await asyncio.sleep(0.001 * item)
        print(name, "handled", item)
        q.task_done()


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue()
    for i in range(6):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker("w" + str(i), q)) for i in range(2)]
    await q.join()
    print("all handled, qsize", q.qsize())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
