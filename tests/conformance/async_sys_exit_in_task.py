import asyncio
import sys


async def quitter() -> None:
    await asyncio.sleep(0)
    print("quitting with 3")
    sys.exit(3)


async def main() -> None:
    await quitter()
    print("not reached")


asyncio.run(main())
