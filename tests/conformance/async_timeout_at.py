import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout_at(loop.time() + 0.02) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out, expired:", cm.expired())
    print("took under a second:", loop.time() - start < 0.9)
    async with asyncio.timeout_at(loop.time() + 1.0) as cm2:
        await asyncio.sleep(0.01)
    print("finished in time, expired:", cm2.expired())
    try:
        async with asyncio.timeout(None) as cm3:
            cm3.reschedule(loop.time() + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled timeout fired:", cm3.expired())


asyncio.run(main())
