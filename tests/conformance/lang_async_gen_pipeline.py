import asyncio
from typing import AsyncIterator


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await asyncio.sleep(0.001)
        yield i


async def squares(src: AsyncIterator[int]) -> AsyncIterator[int]:
    async for x in src:
        yield x * x


async def evens(src: AsyncIterator[int]) -> AsyncIterator[int]:
    async for x in src:
        if x % 2 == 0:
            yield x


async def consume(tag: str, n: int) -> list[int]:
    out: list[int] = []
    async for v in evens(squares(numbers(n))):
        print(tag, v)
        out.append(v)
    return out


async def main() -> None:
    a, b = await asyncio.gather(consume("A", 5), consume("B", 4))
    print(a, b)
    t = asyncio.create_task(consume("C", 3))
    await asyncio.sleep(0)
    print("created")
    print(await t)


asyncio.run(main())
