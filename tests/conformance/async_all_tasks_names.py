import asyncio


async def idle(ev: asyncio.Event) -> None:
    await ev.wait()


async def main() -> None:
    ev = asyncio.Event()
    ts = [asyncio.create_task(idle(ev), name="idle-" + str(i)) for i in range(3)]
    names = sorted([t.get_name() for t in asyncio.all_tasks()])
    print(names)
    ev.set()
    await asyncio.gather(*ts)
    print(len(asyncio.all_tasks()), "task left")
    for t in asyncio.all_tasks():
        print("left:", t.get_name(), "done:", t.done())


asyncio.run(main())
