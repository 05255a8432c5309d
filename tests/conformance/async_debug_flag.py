import asyncio


async def fast(n: int) -> int:
    await asyncio.sleep(0)
    return n + 1


async def main() -> None:
    r = await asyncio.gather(fast(1), fast(2))
    print("debug run result", r)


asyncio.run(main(), debug=True)
