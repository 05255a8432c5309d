# flagged-as: ASYNC300
# Mistake: the task returned by create_task is thrown away; the loop holds
# only a weak reference, so it may be collected before it finishes.
import asyncio


async def heartbeat():
    await asyncio.sleep(0)
    print("beat")


async def main():
    asyncio.create_task(heartbeat())  # keep a reference or use a TaskGroup
    await asyncio.sleep(0.01)


asyncio.run(main())
