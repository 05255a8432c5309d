import asyncio


async def square(x: int, delay: float) -> int:
    await asyncio.sleep(delay)
    print("square", x)
    return x * x


async def main() -> None:
    r = await asyncio.gather(square(1, 0.03), square(2, 0.01), square(3, 0.02))
    print(r)
    coros = [square(i, 0.0) for i in range(5)]
    print(await asyncio.gather(*coros))
    t = asyncio.create_task(square(9, 0.0))
    print(await asyncio.gather(t, square(4, 0.0)))


asyncio.run(main())
