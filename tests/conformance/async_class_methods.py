import asyncio


class Cache:
    def __init__(self) -> None:
        self.data: dict[str, int] = {}
        self.hits = 0

    async def load(self, key: str) -> int:
        await asyncio.sleep(0.001)
        return len(key) * 10

    async def get(self, key: str) -> int:
        if key in self.data:
            self.hits += 1
            return self.data[key]
        v = await self.load(key)
        self.data[key] = v
        return v


async def main() -> None:
    c = Cache()
    r = await asyncio.gather(c.get("a"), c.get("bb"), c.get("ccc"))
    print(r)
    print(await c.get("a"), await c.get("bb"), c.hits, c.data)


asyncio.run(main())
