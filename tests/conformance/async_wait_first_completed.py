import asyncio


async def work(n: int, gate: asyncio.Event) -> int:
    if n != 2:
        await gate.wait()
    else:
        await asyncio.sleep(0)
    print("work", n, "finished")
    return n * 10


async def main() -> None:
    gate = asyncio.Event()
    tasks = [asyncio.create_task(work(i, gate)) for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done", len(done), "pending", len(pending))
    for t in done:
        print("first result", t.result())
    gate.set()
    done2, pending2 = await asyncio.wait(pending)
    print("done", len(done2), "pending", len(pending2))
    print(sorted([t.result() for t in done2]))


asyncio.run(main())
