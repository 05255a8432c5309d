import asyncio


async def limited(sem: asyncio.Semaphore, i: int, active: list[int], peak: list[int]) -> int:
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        await asyncio.sleep(0.005)
        active[0] -= 1
        return i


async def main() -> None:
    sem = asyncio.Semaphore(3)
    active = [0]
    peak = [0]
    r = await asyncio.gather(*[limited(sem, i, active, peak) for i in range(10)])
    print(r, "peak", peak[0])


asyncio.run(main())
