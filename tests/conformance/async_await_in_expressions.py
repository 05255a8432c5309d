import asyncio


async def val(x: int) -> int:
    await asyncio.sleep(0)
    print("eval", x)
    return x


async def flag(b: bool) -> bool:
    await asyncio.sleep(0)
    print("flag", b)
    return b


async def main() -> None:
    print([await val(1), await val(2)])
    print({"a": await val(3), "b": await val(4)})
    print(await val(5) if await flag(False) else await val(6))
    print(await flag(False) and await flag(True))
    print(await flag(True) or await flag(False))
    print(f"{await val(7)}-{await val(8)}")
    print(max(await val(9), await val(10)))


asyncio.run(main())
