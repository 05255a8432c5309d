# flagged-as: ASYNC251
# Mistake: time.sleep() inside a coroutine freezes the whole event loop, so
# the two "concurrent" tickers run one after the other (0.2 s instead of 0.1).
import asyncio
import time


async def ticker(name):
    for i in range(2):
        time.sleep(0.05)  # should be: await asyncio.sleep(0.05)
        print(name, i)


async def main():
    start = time.monotonic()
    await asyncio.gather(ticker("a"), ticker("b"))
    print(f"took {time.monotonic() - start:.1f}s")


asyncio.run(main())
