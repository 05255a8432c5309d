# A text-mode file takes str, a binary one bytes.
# expect: 10:23: error: argument `data` of aiofiles.TextFile.write() must be `str`, not `bytes`
import asyncio

import aiofiles


async def main() -> None:
    async with aiofiles.open("/tmp/aioc-reject.txt", "w") as f:
        await f.write(b"raw")


asyncio.run(main())
