import asyncio


def square(n: int) -> int:
    return n * n


def boom(n: int) -> int:
    raise ValueError("bad " + str(n))


async def main() -> None:
    loop = asyncio.get_running_loop()
    rs = await asyncio.gather(*[asyncio.to_thread(square, n) for n in range(20)])
    print(rs)
    futs = [loop.run_in_executor(None, square, n) for n in range(5)]
    print(await asyncio.gather(*futs))
    try:
        await asyncio.to_thread(boom, 3)
    except ValueError as e:
        print("to_thread re-raised:", e)
    try:
        await loop.run_in_executor(None, boom, 4)
    except ValueError as e:
        print("run_in_executor re-raised:", e)


asyncio.run(main())
