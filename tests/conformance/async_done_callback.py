import asyncio


def report(t: asyncio.Task[int]) -> None:
    if t.cancelled():
        print("callback for", t.get_name(), "cancelled")
    else:
        print("callback for", t.get_name(), t.result())


async def value(n: int) -> int:
    await asyncio.sleep(0)
    print("value", n, "returns")
    return n * 2


async def main() -> None:
    t = asyncio.create_task(value(4), name="four")
    t.add_done_callback(report)
    t.add_done_callback(lambda x: print("lambda sees done:", x.done()))
    print("awaiting")
    r = await t
    print("awaited", r)
    await asyncio.sleep(0)
    c = asyncio.create_task(value(5), name="five")
    c.add_done_callback(report)
    c.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
