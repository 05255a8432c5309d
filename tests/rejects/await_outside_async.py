# expect: 6:5: error: `await` outside an async function
import asyncio


def f() -> None:
    await asyncio.sleep(1)
