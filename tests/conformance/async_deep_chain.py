# A long synchronous await chain (symmetric transfer, no stack overflow).
import asyncio


async def down(n: int) -> int:
    if n == 0:
        return 0
    return 1 + await down(n - 1)


async def main() -> None:
    print(await down(500))


asyncio.run(main())
