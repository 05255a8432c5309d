import asyncio


async def important() -> str:
    await asyncio.sleep(0.4)
    print("important work finished")
    return "saved"


async def guard(t: asyncio.Task[str]) -> str:
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("guard cancelled while shielded")
        raise


async def main() -> None:
    inner = asyncio.create_task(important())
    outer = asyncio.create_task(guard(inner))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled())
    r = await inner
    print("inner result:", r)


asyncio.run(main())
