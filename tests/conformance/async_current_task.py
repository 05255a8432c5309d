import asyncio


async def child() -> None:
    t = asyncio.current_task()
    if t is not None:
        print("child runs in", t.get_name())


async def main() -> None:
    me = asyncio.current_task()
    if me is not None:
        print("main runs in", me.get_name())
    await child()
    t = asyncio.create_task(child(), name="worker")
    print("tasks now:", len(asyncio.all_tasks()))
    await t
    print("tasks after:", len(asyncio.all_tasks()))
    other = asyncio.create_task(child())
    now = asyncio.current_task()
    if now is not None and me is not None:
        print("current is main:", now.get_name() == me.get_name())
    await other


asyncio.run(main())
