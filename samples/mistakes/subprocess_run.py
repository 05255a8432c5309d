# flagged-as: ASYNC221
# Mistake: subprocess.run() inside a coroutine blocks until the child exits.
import asyncio
import subprocess
import sys


async def version():
    out = subprocess.run(  # should be: await asyncio.create_subprocess_exec
        [sys.executable, "-c", "print('child ran')"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


async def main():
    print(await version())


asyncio.run(main())
