# aiofiles and open(): round trips with a non-ASCII name, line iteration,
# and Python's errors.
import asyncio

import aiofiles

PATH = "/tmp/aioc-io-conformance-données 😀.txt"


async def main() -> None:
    async with aiofiles.open(PATH, "w") as f:
        n = await f.write("première ligne\nsecond\n")
        print("wrote", n)
    async with aiofiles.open(PATH, "r") as f:
        print(repr(await f.readline()))
        print(repr(await f.read()))
    async with aiofiles.open(PATH, "a") as f:
        await f.write("third")
    async with aiofiles.open(PATH) as f:
        async for line in f:
            print("line", repr(line))
    with open(PATH, "rb") as bf:
        print(len(bf.read()))
    try:
        async with aiofiles.open("/tmp/aioc-io-conformance-missing.txt") as f:
            print("unexpected")
    except FileNotFoundError as e:
        print("FileNotFoundError", e)
    try:
        open("/tmp")
    except IsADirectoryError as e:
        print("IsADirectoryError", e)


asyncio.run(main())
