"""Blocking work off the event loop: run_in_executor and to_thread.

A blocking call inside a coroutine freezes every task. Running it in the
default thread pool keeps the loop responsive: the ticker keeps ticking
while the blocking jobs run.
"""
import asyncio
import time


def blocking_io(seconds: float) -> str:
    time.sleep(seconds)  # a blocking library call
    return f"slept {seconds}s in a thread"


def checksum(n: int) -> int:
    total = 0
    for i in range(n):
        total = (total * 31 + i) % 1000003
    return total


async def ticker(stop: asyncio.Event) -> int:
    ticks = 0
    while not stop.is_set():
        await asyncio.sleep(0.01)
        ticks += 1
    return ticks


async def main() -> None:
    stop = asyncio.Event()
    tick_task = asyncio.create_task(ticker(stop))
    loop = asyncio.get_running_loop()
    r1 = await loop.run_in_executor(None, blocking_io, 0.1)
    r2 = await asyncio.to_thread(checksum, 100000)
    stop.set()
    ticks = await tick_task
    print(r1)
    print("checksum:", r2)
    print("loop stayed responsive:", ticks >= 5)


asyncio.run(main())
