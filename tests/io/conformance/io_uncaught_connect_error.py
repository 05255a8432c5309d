import asyncio

import httpx


async def main() -> None:
    async with httpx.AsyncClient() as client:
        r = await client.get("http://127.0.0.1:1/")
        print(r.status_code)


asyncio.run(main())
