import asyncio


async def slow() -> str:
    try:
        await asyncio.sleep(5)
        return "slow done"
    except asyncio.CancelledError:
        print("slow was cancelled by wait_for")
        raise


async def main() -> None:
    try:
        print(await asyncio.wait_for(slow(), 0.01))
    except TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(asyncio.sleep(0.001, "value"), 1))


asyncio.run(main())
