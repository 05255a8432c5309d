# .json() has no static type of its own: the target must be annotated.
# expect: 10:17: error: `.json()` needs an annotated target of a JSON-shaped type for aioc, e.g. `data: dict[str, int] = r.json()`
import asyncio

import httpx


async def main(url: str) -> None:
    async with httpx.AsyncClient() as client:
        data = (await client.get(url)).json()
        print(data)


asyncio.run(main("http://127.0.0.1:1/"))
