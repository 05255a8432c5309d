import asyncio


async def critical(lock: asyncio.Lock, name: str, log: list[str]) -> None:
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0.001)
        log.append(name + " out")


async def waiter(ev: asyncio.Event, name: str) -> None:
    print(name, "waiting")
    await ev.wait()
    print(name, "released")


async def limited(sem: asyncio.Semaphore, i: int, order: list[str]) -> None:
    async with sem:
        order.append(f"enter {i}")
        await asyncio.sleep(0.001)
        order.append(f"leave {i}")


async def main() -> None:
    lock = asyncio.Lock()
    log: list[str] = []
    await asyncio.gather(critical(lock, "a", log), critical(lock, "b", log),
                         critical(lock, "c", log))
    print(log, lock.locked())
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*ws)
    sem = asyncio.Semaphore(2)
    order: list[str] = []
    await asyncio.gather(*[limited(sem, i, order) for i in range(5)])
    print(order)


asyncio.run(main())
