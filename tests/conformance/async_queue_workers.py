import asyncio


async def worker(name: str, q: asyncio.Queue[int], results: dict[int, str]) -> None:
    while True:
        n = await q.get()
        await asyncio.sleep(0.001 * (n % 3))
        results[n] = f"{name}:{n * n}"
        q.task_done()


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue()
    results: dict[int, str] = {}
    for n in range(10):
        q.put_nowait(n)
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    await q.join()
    for w in workers:
        w.cancel()
    print(len(results), sorted(results)[:3], q.empty())
    print(sorted(v.split(":")[1] for v in results.values()))


asyncio.run(main())
