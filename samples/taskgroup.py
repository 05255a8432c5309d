"""asyncio.TaskGroup: structured concurrency (Python 3.11).

All children finish before the `async with` block ends; if one fails, the
others are cancelled and the failures come out as an ExceptionGroup.
"""
import asyncio


async def download(name: str, size: int) -> int:
    await asyncio.sleep(size / 1000)
    print(f"downloaded {name} ({size} KB)")
    return size


async def broken(name: str) -> int:
    await asyncio.sleep(0.005)
    raise ConnectionError(f"{name}: connection reset")


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(download("a.bin", 30))
        b = tg.create_task(download("b.bin", 10))
        c = tg.create_task(download("c.bin", 20))
    print("total KB:", a.result() + b.result() + c.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(download("big.iso", 5000))
            tg.create_task(broken("mirror-2"))
    except ExceptionGroup as eg:
        print("failed:", eg)
        for e in eg.exceptions:
            print("  cause:", repr(e))


asyncio.run(main())
