# flagged-as: AIO104
# Mistake: calling a coroutine function without await: the body never runs
# (CPython warns "coroutine 'save' was never awaited").
import asyncio

saved = []


async def save(x):
    await asyncio.sleep(0)
    saved.append(x)


async def main():
    save(1)  # should be: await save(1)
    await save(2)
    print("saved:", saved)


asyncio.run(main())
