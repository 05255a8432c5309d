"""async with: an asynchronous context manager.

__aenter__ and __aexit__ may await (open and close a connection); __aexit__
sees the exception raised in the block and runs on every exit path.
"""
import asyncio


class Connection:
    def __init__(self, host: str) -> None:
        self.host = host
        self.is_open = False

    async def __aenter__(self) -> "Connection":
        await asyncio.sleep(0.001)  # connect
        self.is_open = True
        print(f"connected to {self.host}")
        return self

    async def __aexit__(self, exc_type, exc, tb) -> bool:
        await asyncio.sleep(0.001)  # close politely
        self.is_open = False
        print(f"closed {self.host} (error: {exc_type is not None})")
        return False  # do not swallow the exception

    async def send(self, msg: str) -> str:
        await asyncio.sleep(0)
        return f"{self.host} echoed {msg!r}"


async def main() -> None:
    lock = asyncio.Lock()
    async with lock:
        print("lock held:", lock.locked())
    print("lock held:", lock.locked())

    async with Connection("db.local") as conn:
        print(await conn.send("ping"))
    print("open after block:", conn.is_open)

    try:
        async with Connection("flaky.local") as conn:
            raise RuntimeError("lost connection")
    except RuntimeError as e:
        print("caught:", e)


asyncio.run(main())
