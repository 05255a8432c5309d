import asyncio


async def next_value(state: list[int]) -> int:
    await asyncio.sleep(0)
    state[0] += 1
    return state[0]


async def main() -> None:
    state = [0]
    while await next_value(state) < 5:
        print("tick", state[0])
    print("final", state[0])
    if await next_value(state) == 6:
        print("six")
    elif await next_value(state) == 7:
        print("seven")


asyncio.run(main())
