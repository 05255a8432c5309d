import asyncio


async def slow(x: int) -> int:
    await asyncio.sleep(1)
    return x


async def fast(x: int) -> int:
    await asyncio.sleep(0.001)
    return x


async def main() -> None:
    print(await asyncio.wait_for(fast(5), timeout=1.0))
    try:
        await asyncio.wait_for(slow(1), timeout=0.02)
    except TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.02):
            await slow(2)
    except TimeoutError:
        print("timeout() expired")
    async with asyncio.timeout(1):
        print("in time:", await fast(7))


asyncio.run(main())
