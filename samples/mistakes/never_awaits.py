# flagged-as: ASYNC124
# Mistake: an async def that never awaits: only coroutine overhead, and every
# caller has to await it for nothing.
import asyncio


async def total(xs):
    return sum(xs)


async def main():
    print(await total([1, 2, 3]))


asyncio.run(main())
