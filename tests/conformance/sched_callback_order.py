import asyncio


async def waiter(t: asyncio.Task[int], name: str) -> None:
    r = await t
    print(name, "got", r)


async def producer() -> int:
    await asyncio.sleep(0.01)
    print("producer finishing")
    return 42


async def main() -> None:
    p = asyncio.create_task(producer())
    ws = [asyncio.create_task(waiter(p, "waiter" + str(i))) for i in range(4)]
    p.add_done_callback(lambda t: print("callback sees", t.result()))
    for w in ws:
        await w
    print("end")


asyncio.run(main())
