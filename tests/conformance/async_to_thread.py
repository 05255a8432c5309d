import asyncio
import time


def blocking_sum(n: int) -> int:
    time.sleep(0.01)
    return sum(range(n))


async def main() -> None:
    r = await asyncio.to_thread(blocking_sum, 100)
    print(r)
    rs = await asyncio.gather(asyncio.to_thread(blocking_sum, 10), asyncio.to_thread(blocking_sum, 20))
    print(rs)


asyncio.run(main())
