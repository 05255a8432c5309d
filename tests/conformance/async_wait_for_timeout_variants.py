import asyncio


async def slow(d: float) -> str:
    try:
        await asyncio.sleep(d)
        return "finished"
    except asyncio.CancelledError:
        print("slow was cancelled by wait_for")
        raise


async def main() -> None:
    print(await asyncio.wait_for(slow(0.01), timeout=1.0))
    try:
        await asyncio.wait_for(slow(1.0), timeout=0.01)
    except TimeoutError:
        print("TimeoutError")
    try:
        await asyncio.wait_for(slow(1.0), 0)
    except asyncio.TimeoutError:
        print("zero timeout: asyncio.TimeoutError is TimeoutError")
    print(await asyncio.wait_for(slow(0.01), None))
    t = asyncio.create_task(slow(1.0))
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        print("task cancelled too:", t.cancelled())


asyncio.run(main())
