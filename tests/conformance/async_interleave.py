# Interleaved prints from many tasks: CPython's scheduling order.
import asyncio


async def worker(name: str, n: int) -> int:
    total = 0
    for i in range(n):
        print(f"{name} step {i}")
        total += i
        await asyncio.sleep(0)
    print(f"{name} done")
    return total


async def main() -> None:
    tasks = [asyncio.create_task(worker(f"w{i}", 3)) for i in range(4)]
    print("created")
    results: list[int] = []
    for t in tasks:
        results.append(await t)
    print(results)


asyncio.run(main())
