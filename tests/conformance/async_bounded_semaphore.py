import asyncio


async def main() -> None:
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        print("inside", sem.locked())
    print("outside", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
