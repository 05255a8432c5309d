# Import spellings: `import x as y`, `from httpx import ...`, and
# `from asyncio.subprocess import PIPE`; I/O types as annotations.
import asyncio
import asyncio as aio
import sys
from asyncio.subprocess import PIPE

import aiofiles as af
import httpx as hx
from httpx import AsyncClient, ConnectError


async def fetch(client: hx.AsyncClient, url: str) -> hx.Response:
    return await client.get(url)


async def main() -> None:
    async with AsyncClient(headers={"x-token": "abc"}) as client:
        try:
            r = await fetch(client, "http://127.0.0.1:1/")
            print(r.status_code)
        except ConnectError as e:
            print("refused", type(e).__name__)
    f = await af.open("/tmp/aioc-al.txt", "w")
    await f.write("x")
    await f.close()
    p = await asyncio.create_subprocess_exec("echo", "hi", stdout=PIPE)
    out, err = await p.communicate()
    print(out, err)


aio.run(main())
