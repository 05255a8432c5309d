import asyncio


async def compute(n: int) -> int:
    await asyncio.sleep(0)
    return n * n


async def main() -> list[int]:
    out: list[int] = []
    for i in range(5):
        out.append(await compute(i))
    return out


values = asyncio.run(main())
print(values)
print(asyncio.run(compute(7)))
