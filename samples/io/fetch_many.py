# The seed's pattern: fetch many URLs concurrently on one httpx client.
#   python3 fetch_many.py URL [URL...]
import asyncio
import sys

import httpx


async def main(urls: list[str]) -> None:
    async with httpx.AsyncClient(timeout=10.0, follow_redirects=True) as client:
        responses = await asyncio.gather(*[client.get(u) for u in urls])
    for url, r in zip(urls, responses):
        print(f"{r.status_code} {len(r.content):>8} bytes  {url}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
