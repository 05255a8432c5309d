import asyncio


async def slow(n: int) -> int:
    await asyncio.sleep(0.05 * n)
    return n


async def main() -> None:
    tasks = [asyncio.create_task(slow(i)) for i in range(1, 4)]
    done, pending = await asyncio.wait(tasks, timeout=0.075)
    print("done", sorted([t.result() for t in done]), "pending", len(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print("done", len(done), "pending", len(pending))
    try:
        empty: list[asyncio.Task[int]] = []
        await asyncio.wait(empty)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
