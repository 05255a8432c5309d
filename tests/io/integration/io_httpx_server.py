# httpx against the fixture server (URL in argv[1]): statuses and
# raise_for_status, redirects, chunked bodies, typed .json(), request(),
# a read timeout, a refused connection and aclose().
import asyncio
import sys

import httpx


async def main(base: str) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=10.0) as client:
        r = await client.get("/hello")
        print(r.status_code, repr(r.text), r.headers["content-type"])
        r = await client.get("/1k")
        print(len(r.content), r.content[:4], r.headers.get("x-missing"))
        rs = await asyncio.gather(*[client.get(f"/status/{c}") for c in [200, 404, 500]])
        for r in rs:
            try:
                r.raise_for_status()
                print("ok", r.status_code)
            except httpx.HTTPStatusError as e:
                print("HTTPStatusError", str(e).replace(base, "BASE"))
        r = await client.get("/redirect/3", follow_redirects=True)
        print(r.status_code, str(r.url).replace(base, "BASE"), r.text.strip())
        r = await client.get("/redirect/1")
        print(r.status_code, r.headers["location"])
        r = await client.get("/chunked")
        print(r.text.splitlines()[-1], len(r.text))
        stats: dict[str, int] = (await client.get("/stats")).json()
        print(sorted(stats.keys()))
        r = await client.request("PUT", "/status/201", content=b"x")
        print(r.status_code, r.is_success)
        r = await client.post("/status/202", params={"a": "1"}, headers={"x-k": "v"})
        print(r.status_code)
        try:
            await client.get("/never", timeout=0.3)
        except httpx.TimeoutException as e:
            print("timeout:", type(e).__name__)
    client2 = httpx.AsyncClient()
    try:
        await client2.get("http://127.0.0.1:1/")
    except httpx.ConnectError as e:
        print("ConnectError", type(e).__name__)
    except httpx.HTTPError as e:
        print("other HTTPError", type(e).__name__)
    await client2.aclose()


asyncio.run(main(sys.argv[1]))
