# flagged-as: ASYNC230 ASYNC232
# Mistake: open()/read() inside a coroutine are blocking system calls.
import asyncio
import os
import tempfile


async def load(path):
    with open(path) as f:  # should be: async with aiofiles.open(path) as f
        return f.read()


async def main():
    fd, path = tempfile.mkstemp()
    os.write(fd, b"config = 1\n")
    os.close(fd)
    print(await load(path), end="")
    os.remove(path)


asyncio.run(main())
