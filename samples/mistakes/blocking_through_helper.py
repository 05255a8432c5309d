# flagged-as: AIO100
# Mistake: the coroutine looks clean, but a sync helper two calls down blocks.
import asyncio
import os
import tempfile


def read_config(path):
    with open(path) as f:
        return f.read()


def load(path):
    return read_config(path).strip()


async def main():
    fd, path = tempfile.mkstemp()
    os.write(fd, b"debug = true\n")
    os.close(fd)
    print(load(path))  # should be: await asyncio.to_thread(load, path)
    os.remove(path)


asyncio.run(main())
