# repr()/str() of the I/O objects whose CPython text is deterministic.
import subprocess
import sys

import httpx
import requests
import asyncio


async def main(base: str) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        r = await client.get("/status/404")
        print(r, str(r), f"[{r}]", [r])
        r = await client.get("/hello")
        print(r.headers["content-length"], r.headers.get("Content-Type"))
    print(requests.get(base + "/hello"))
    with open("/tmp/aioc-io-reprs.txt", "w") as f:
        print(f)
    with open("/tmp/aioc-io-reprs.txt", "rb") as g:
        print(g)
    print(subprocess.run(["echo", "x"], capture_output=True, text=True))
    print(subprocess.run(["sh", "-c", "echo y >&2"], capture_output=True))
    print(subprocess.run("true", shell=True))


asyncio.run(main(sys.argv[1]))
