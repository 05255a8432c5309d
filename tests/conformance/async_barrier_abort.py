import asyncio


async def waiter(b: asyncio.Barrier, n: int) -> None:
    try:
        await b.wait()
        print("waiter", n, "passed")
    except asyncio.BrokenBarrierError:
        print("waiter", n, "sees a broken barrier")


async def main() -> None:
    b = asyncio.Barrier(3)
    t1 = asyncio.create_task(waiter(b, 1))
    t2 = asyncio.create_task(waiter(b, 2))
    await asyncio.sleep(0)
    print("waiting:", b.n_waiting)
    await b.abort()
    await t1
    await t2
    print("broken:", b.broken)
    try:
        await b.wait()
    except asyncio.BrokenBarrierError:
        print("wait on broken barrier raises")
    await b.reset()
    print("after reset broken:", b.broken)


asyncio.run(main())
