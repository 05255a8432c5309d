import asyncio


async def ok(d: float) -> int:
    await asyncio.sleep(d)
    return 1


async def bad(d: float) -> int:
    await asyncio.sleep(d)
    raise ValueError("bad one")


async def main() -> None:
    tasks = [
        asyncio.create_task(ok(0.01)),
        asyncio.create_task(bad(0.02)),
        asyncio.create_task(ok(0.5)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done", len(done), "pending", len(pending))
    for t in tasks:
        if t.done():
            e = t.exception()
            if e is None:
                print(t.get_name(), "result", t.result())
            else:
                print(t.get_name(), "raised", repr(e))
        else:
            print(t.get_name(), "still running")
    for t in pending:
        t.cancel()
    done3, pending3 = await asyncio.wait(pending)
    print("after cancel", len(done3), len(pending3))
    print([t.cancelled() for t in tasks])


asyncio.run(main())
