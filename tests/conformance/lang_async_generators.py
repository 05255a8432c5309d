import asyncio
from typing import AsyncGenerator, AsyncIterator


async def ticks(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


async def words(text: str) -> AsyncGenerator[str, None]:
    for w in text.split():
        if w == "stop":
            return
        yield w
    print("never reached")


async def pairs() -> AsyncIterator[tuple[str, int]]:
    async for w in words("a bb ccc stop dddd"):
        yield (w, len(w))


async def failing() -> AsyncIterator[int]:
    yield 1
    raise RuntimeError("generator failed")


async def chatter(tag: str) -> None:
    for i in range(3):
        print(tag, i)
        await asyncio.sleep(0)


async def main() -> None:
    t = asyncio.create_task(chatter("bg"))
    async for x in ticks(4):
        print("tick", x)
    g = ticks(5)
    async for x in g:
        if x > 1:
            break
        print("first loop", x)
    async for x in g:
        print("second loop", x)
    async for p in pairs():
        print(p)
    try:
        async for v in failing():
            print("got", v)
    except RuntimeError as e:
        print("error:", e)
    await t


asyncio.run(main())
