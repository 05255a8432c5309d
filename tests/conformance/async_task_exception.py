import asyncio


async def fails() -> int:
    await asyncio.sleep(0)
    raise ValueError("missing")


async def works() -> int:
    return 7


async def main() -> None:
    a = asyncio.create_task(fails())
    b = asyncio.create_task(works())
    await asyncio.sleep(0.01)
    ea = a.exception()
    print("a exception:", repr(ea))
    print("b exception:", b.exception())
    print("b result:", b.result())
    try:
        a.result()
    except ValueError as e:
        print("result() re-raises ValueError", e)
    c = asyncio.create_task(works())
    try:
        c.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        c.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await c
    c2 = asyncio.create_task(works())
    c2.cancel()
    try:
        await c2
    except asyncio.CancelledError:
        print("cancelled")
    try:
        c2.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled task raises CancelledError")


asyncio.run(main())
