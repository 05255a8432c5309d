import asyncio


async def periodic(name: str, interval: float, count: int, log: list[str]) -> None:
    for i in range(count):
        await asyncio.sleep(interval)
        log.append(f"{name}{i}")


async def main() -> None:
    log: list[str] = []
    await asyncio.gather(periodic("a", 0.01, 3, log), periodic("b", 0.3, 1, log))
    print(log[:3], log[-1], len(log))


asyncio.run(main())
