import asyncio


async def ok(i: int) -> int:
    await asyncio.sleep(0.2)
    print("ok", i, "finished")
    return i


async def bad() -> int:
    await asyncio.sleep(0.001)
    raise ValueError("bad one")


async def main() -> None:
    try:
        await asyncio.gather(ok(1), bad(), ok(2))
    except ValueError as e:
        print("gather failed:", e)
    await asyncio.sleep(0.4)
    print("end")


asyncio.run(main())
