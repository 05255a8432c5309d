import asyncio


async def leaf(n: int) -> int:
    await asyncio.sleep(0)
    return n + 1


async def middle(n: int) -> int:
    a = await leaf(n)
    b = await leaf(a)
    return a + b


async def top() -> int:
    total = 0
    for i in range(5):
        total += await middle(i)
    return total


async def main() -> None:
    print(await top())
    print(await middle(await leaf(await leaf(0))))
    x = await leaf(1) + await leaf(2) * await leaf(3)
    print(x)


asyncio.run(main())
