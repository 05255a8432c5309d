import asyncio


async def waiter(ev: asyncio.Event, n: int) -> None:
    print("waiter", n, "waiting")
    r = await ev.wait()
    print("waiter", n, "woke with", r)


async def main() -> None:
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in range(4)]
    await asyncio.sleep(0)
    print("set; is_set before:", ev.is_set())
    ev.set()
    ev.clear()
    print("cleared right away; waiters still wake")
    for t in tasks:
        await t
    ev.set()
    print("already set:", await ev.wait())


asyncio.run(main())
