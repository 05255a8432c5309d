import asyncio


async def party(b: asyncio.Barrier, n: int) -> None:
    print("party", n, "arrives")
    i = await b.wait()
    print("party", n, "passes, index", i)


async def main() -> None:
    b = asyncio.Barrier(3)
    print("parties", b.parties, "waiting", b.n_waiting, "broken", b.broken)
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.create_task(party(b, n))
    print("round two")
    async with asyncio.TaskGroup() as tg:
        for n in range(3, 6):
            tg.create_task(party(b, n))
    print("done, broken:", b.broken)


asyncio.run(main())
