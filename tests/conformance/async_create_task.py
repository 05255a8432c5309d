import asyncio


async def ticker(label: str, times: int, delay: float) -> str:
    for i in range(times):
        await asyncio.sleep(delay)
        print(label, i)
    return label + " finished"


async def main() -> None:
    t1 = asyncio.create_task(ticker("fast", 3, 0.001))
    t2 = asyncio.create_task(ticker("slow", 2, 0.1), name="slowpoke")
    print(t1.get_name(), t2.get_name(), t1.done())
    print(await t1)
    print(await t2)
    print(t1.done(), t2.done(), t2.result())


asyncio.run(main())
