# The synchronous httpx API blocks the loop: refused with the async spelling.
# expect: 9:14: error: the synchronous (blocking) `httpx.Client` is not supported by aioc; use `httpx.AsyncClient` with `async with` and `await client.get(...)`
import asyncio

import httpx


async def main() -> None:
    client = httpx.Client()
    print(client)


asyncio.run(main())
