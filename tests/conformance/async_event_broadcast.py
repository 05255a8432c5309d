import asyncio


async def listener(ev: asyncio.Event, i: int, out: list[int]) -> None:
    await ev.wait()
    out.append(i)


async def main() -> None:
    ev = asyncio.Event()
    out: list[int] = []
    tasks = [asyncio.create_task(listener(ev, i, out)) for i in range(5)]
    await asyncio.sleep(0.01)
    print("before", out, ev.is_set())
    ev.set()
    for t in tasks:
        await t
    print("after", out)
    ev.clear()
    print(ev.is_set())


asyncio.run(main())
