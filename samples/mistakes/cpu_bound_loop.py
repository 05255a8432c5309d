# flagged-as: AIO107
# Mistake: a long pure-Python loop inside a coroutine holds the event loop.
import asyncio


async def crunch():
    total = 0
    for i in range(200_000):
        total += i * i
    return total


async def main():
    print(await crunch())


asyncio.run(main())
