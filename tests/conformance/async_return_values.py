import asyncio


async def compute(x: int) -> dict[str, int]:
    await asyncio.sleep(0)
    return {"x": x, "sq": x * x}


async def names() -> list[str]:
    return ["a", "b"]


async def maybe(flag: bool) -> str | None:
    if flag:
        return "yes"
    return None


async def main() -> None:
    r = await compute(4)
    print(r, r["sq"])
    print(await names(), await maybe(True), await maybe(False))
    results = await asyncio.gather(*[compute(i) for i in range(3)])
    print([d["sq"] for d in results])


asyncio.run(main())
