import asyncio


class TaskFailed(Exception):
    pass


async def step(n: int) -> int:
    await asyncio.sleep(0)
    if n == 3:
        raise TaskFailed(f"step {n} failed")
    return n


async def runner() -> list[int]:
    out: list[int] = []
    for i in range(5):
        try:
            out.append(await step(i))
        except TaskFailed as e:
            print("recovered:", e)
            await asyncio.sleep(0)
            out.append(-1)
    return out


async def main() -> None:
    print(await runner())
    try:
        await asyncio.gather(step(1), step(3))
    except TaskFailed as e:
        print("gather raised", e)


asyncio.run(main())
