# httpx under load and faults (fixture URL in argv[1]): many concurrent GETs
# on one client with keep-alive reuse, a 10 MB body, a reset mid-body, and
# cancellation of a request that never completes (asyncio.timeout).
import asyncio
import sys

import httpx


async def main(base: str) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=10.0) as client:
        rs = await asyncio.gather(*[client.get("/1k") for _ in range(300)])
        print(len(rs), sum([len(r.content) for r in rs]),
              all([r.status_code == 200 for r in rs]))
        stats: dict[str, int] = (await client.get("/stats")).json()
        print("requests", stats["requests"], "connections <= 100",
              stats["connections"] <= 100)
        r = await client.get("/big")
        print(len(r.content), r.content[:3], r.content[-2:])
        try:
            await client.get("/reset")
        except httpx.RemoteProtocolError as e:
            print("RemoteProtocolError")
        except httpx.ReadError as e:
            print("ReadError")
        try:
            async with asyncio.timeout(0.2):
                await client.get("/never")
        except TimeoutError:
            print("cancelled by timeout()")
        r = await client.get("/hello")
        print("still usable", r.status_code)


asyncio.run(main(sys.argv[1]))
