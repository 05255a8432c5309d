import asyncio


async def ok(n: int) -> None:
    await asyncio.sleep(0.001 * n)
    print("ok", n)


async def bad(n: int) -> None:
    await asyncio.sleep(0.001 * n)
    raise ValueError("bad " + str(n))


async def main() -> None:
    rs = await asyncio.gather(ok(1), bad(2), ok(3), bad(4), return_exceptions=True)
    for r in rs:
        if r is None:
            print("success")
        elif isinstance(r, ValueError):
            print("ValueError:", r)
        else:
            print("other:", repr(r))
    t = asyncio.create_task(ok(50))
    t.cancel()
    rs2 = await asyncio.gather(t, return_exceptions=True)
    for r in rs2:
        if isinstance(r, asyncio.CancelledError):
            print("cancelled child reported as CancelledError")


asyncio.run(main())
