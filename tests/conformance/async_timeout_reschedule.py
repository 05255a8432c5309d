import asyncio


async def main() -> None:
    try:
        async with asyncio.timeout(None) as cm:
            print("no deadline", cm.expired())
            await asyncio.sleep(0.01)
        print("finished", cm.expired())
    except TimeoutError:
        print("unexpected")
    try:
        async with asyncio.timeout(0.01) as cm2:
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired:", cm2.expired())


asyncio.run(main())
