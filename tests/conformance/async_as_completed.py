import asyncio


async def job(name: str, d: float) -> str:
    await asyncio.sleep(d)
    return name


async def main() -> None:
    specs = [("slow", 0.18), ("fast", 0.06), ("mid", 0.12)]
    aws = [job(n, d) for n, d in specs]
    for fut in asyncio.as_completed(aws):
        r = await fut
        print("got", r)
    tasks = [asyncio.create_task(job(str(i), 0.06 * (4 - i))) for i in range(4)]
    order: list[str] = []
    for f in asyncio.as_completed(tasks):
        order.append(await f)
    print(order)


asyncio.run(main())
