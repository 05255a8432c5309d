# aiofiles awaited directly (no async with), binary mode, readlines, the
# blocking open() with iteration, and the errno/filename of file errors.
import asyncio

import aiofiles

PATH = "/tmp/aioc-io-files-more.bin"
TEXT = "/tmp/aioc-io-files-more.txt"


async def main() -> None:
    f = await aiofiles.open(PATH, "wb")
    n = await f.write(b"\x00\x01abc\n\xff\n")
    await f.close()
    print("wrote", n)
    g = await aiofiles.open(PATH, "rb")
    print(await g.read(3), await g.readline(), await g.read())
    await g.close()
    async with aiofiles.open(TEXT, "w") as t:
        await t.write("a\nbb\nccc")
    async with aiofiles.open(TEXT) as t:
        lines = await t.readlines()
    print(lines, len(lines))
    async with aiofiles.open(PATH, "rb") as b:
        async for chunk in b:
            print("chunk", chunk)
    with open(TEXT) as h:
        for line in h:
            print("line", line.strip())
    with open(TEXT, "a") as h:
        print(h.write("\ndddd"))
    with open(TEXT) as h:
        print(repr(h.read()))
        print(repr(h.read()), h.closed)
    try:
        async with aiofiles.open("/tmp/aioc-no-such-dir/x.txt") as t:
            print(await t.read())
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, e.strerror)
    try:
        with open("/tmp/aioc-no-such-dir/y.txt", "w") as h:
            h.write("x")
    except FileNotFoundError as e:
        print("FileNotFoundError", e)


asyncio.run(main())
