import asyncio


class Countdown:
    def __init__(self, start: int) -> None:
        self.n = start

    def __aiter__(self) -> "Countdown":
        return self

    async def __anext__(self) -> int:
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n + 1


class Ticker:
    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.i = 0

    def __aiter__(self) -> "Ticker":
        return self

    async def __anext__(self) -> str:
        if self.i >= len(self.names):
            raise StopAsyncIteration()
        name = self.names[self.i]
        self.i += 1
        await asyncio.sleep(0.001)
        return name.upper()


async def other() -> None:
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0)


async def main() -> None:
    t = asyncio.create_task(other())
    async for n in Countdown(4):
        print("count", n)
    total = 0
    async for n in Countdown(10):
        if n % 2 == 0:
            continue
        if n < 4:
            break
        total += n
    print("total", total)
    seen: list[str] = []
    async for s in Ticker(["a", "b", "c"]):
        seen.append(s)
    print(seen)
    await t
    try:
        async for n in Countdown(2):
            if n == 1:
                raise ValueError("stop at " + str(n))
    except ValueError as e:
        print("caught", e)


asyncio.run(main())
