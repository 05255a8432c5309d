import asyncio


class Conn:
    def __init__(self, name: str) -> None:
        self.name = name
        self.open = False

    async def __aenter__(self) -> "Conn":
        await asyncio.sleep(0)
        self.open = True
        print("enter", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb) -> bool:
        await asyncio.sleep(0)
        self.open = False
        print("exit", self.name, exc_type is not None)
        return False

    async def query(self, q: str) -> str:
        await asyncio.sleep(0)
        return f"{self.name}:{q}"


async def main() -> None:
    async with Conn("db") as c:
        print(await c.query("select"), c.open)
    print("after", c.open)
    try:
        async with Conn("db2") as c2:
            raise RuntimeError("fail inside")
    except RuntimeError as e:
        print("propagated:", e)


asyncio.run(main())
