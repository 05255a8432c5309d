# Only aiofiles.open is bound.
# expect: 9:11: error: `aiofiles.os.remove` is not supported by aioc; only `aiofiles.open` is (use `asyncio.to_thread` with `os` calls)
import asyncio

import aiofiles


async def main() -> None:
    await aiofiles.os.remove("/tmp/x")


asyncio.run(main())
