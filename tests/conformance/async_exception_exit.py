import asyncio


async def fail(n: int) -> int:
    await asyncio.sleep(0.001)
    if n > 2:
        raise RuntimeError(f"n too big: {n}")
    return n


async def main() -> None:
    print(await fail(1))
    print(await fail(3))


asyncio.run(main())
