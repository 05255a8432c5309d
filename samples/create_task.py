"""create_task: start work now, collect the result later.

A task is scheduled as soon as it is created; the coroutine that created it
keeps running until its next await. Prints interleave in the order the
event loop runs the steps.
"""
import asyncio


async def countdown(name: str, n: int) -> str:
    while n > 0:
        print(f"{name}: {n}")
        await asyncio.sleep(0)
        n -= 1
    return f"{name} lift-off"


async def main() -> None:
    a = asyncio.create_task(countdown("A", 3))
    b = asyncio.create_task(countdown("B", 2), name="rocket-B")
    print("tasks created:", a.get_name(), b.get_name())
    print(await a)
    print(await b)


asyncio.run(main())
