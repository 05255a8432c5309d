import asyncio


async def work(n: int, d: float) -> int:
    await asyncio.sleep(d)
    print("work", n, "finished")
    return n * 10


async def main() -> None:
    tasks = [asyncio.create_task(work(i, 0.01 * (3 - i))) for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done", len(done), "pending", len(pending))
    for t in done:
        print("first result", t.result())
    done2, pending2 = await asyncio.wait(pending)
    print("done", len(done2), "pending", len(pending2))
    print(sorted([t.result() for t in done2]))


asyncio.run(main())
