import asyncio


async def slow(n: int, gate: asyncio.Event) -> int:
    if n > 1:
        await gate.wait()
    return n


async def main() -> None:
    gate = asyncio.Event()
    tasks = [asyncio.create_task(slow(i, gate)) for i in range(1, 4)]
    done, pending = await asyncio.wait(tasks, timeout=0.05)
    print("done", sorted([t.result() for t in done]), "pending", len(pending))
    gate.set()
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print("done", len(done), "pending", len(pending))
    try:
        empty: list[asyncio.Task[int]] = []
        await asyncio.wait(empty)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
