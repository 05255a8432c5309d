import asyncio


async def child(n: int) -> int:
    print("child", n, "starts")
    return n


async def main() -> None:
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2))
    print("tasks created, none started:", t1.done(), t2.done())
    print("awaiting a bare coroutine runs inline")
    r = await child(3)
    print("inline result", r)
    print("still not started:", t1.done())
    await asyncio.sleep(0)
    print("after one hop:", t1.done(), t2.done())


asyncio.run(main())
