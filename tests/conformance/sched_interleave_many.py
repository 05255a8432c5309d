import asyncio


async def worker(name: str, steps: int) -> None:
    for i in range(steps):
        print(name, "step", i)
        await asyncio.sleep(0)
    print(name, "done")


async def main() -> None:
    tasks = [asyncio.create_task(worker("w" + str(n), n + 1)) for n in range(5)]
    print("created")
    await asyncio.sleep(0)
    print("main after one hop")
    for t in tasks:
        await t
    print("all done")


asyncio.run(main())
