import asyncio


async def important() -> str:
    await asyncio.sleep(0.3)
    print("important work finished")
    return "saved"


async def main() -> None:
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.01)
    except TimeoutError:
        print("outer timed out, inner still running:", not inner.done())
    print(await inner)


asyncio.run(main())
