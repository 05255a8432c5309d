import asyncio


async def job(n: int) -> int:
    await asyncio.sleep(n * 0.01)
    print("job", n)
    return n * 10


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job(2))
        t2 = tg.create_task(job(1))
        t3 = tg.create_task(job(3))
    print(t1.result(), t2.result(), t3.result())


asyncio.run(main())
