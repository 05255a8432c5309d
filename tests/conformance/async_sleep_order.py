import asyncio


async def say(msg: str, delay: float) -> None:
    await asyncio.sleep(delay)
    print(msg)


async def main() -> None:
    await asyncio.gather(say("c", 0.03), say("a", 0.01), say("b", 0.02), say("zero", 0.0))
    print("all done")


asyncio.run(main())
