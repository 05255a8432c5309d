# flagged-as: AIO105
# Mistake: asyncio.run() where a loop is already running raises RuntimeError.
import asyncio


async def work():
    await asyncio.sleep(0)
    return 42


async def main():
    coro = work()
    try:
        print(asyncio.run(coro))  # should be: await work()
    except RuntimeError as e:
        coro.close()
        print("RuntimeError:", e)


asyncio.run(main())
