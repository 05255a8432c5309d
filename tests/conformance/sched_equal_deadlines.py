import asyncio


async def sleeper(n: int, d: float) -> None:
    await asyncio.sleep(d)
    print("woke", n)


async def main() -> None:
    tasks = [asyncio.create_task(sleeper(n, 0.06 * (n % 3))) for n in range(9)]
    for t in tasks:
        await t


asyncio.run(main())
