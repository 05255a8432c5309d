import asyncio


async def server(ready: asyncio.Event, done: asyncio.Event, log: list[str]) -> None:
    log.append("server starting")
    await asyncio.sleep(0.005)
    ready.set()
    log.append("server ready")
    await done.wait()
    log.append("server stopping")


async def client(ready: asyncio.Event, done: asyncio.Event, log: list[str]) -> None:
    await ready.wait()
    log.append("client connected")
    await asyncio.sleep(0)
    done.set()


async def main() -> None:
    ready = asyncio.Event()
    done = asyncio.Event()
    log: list[str] = []
    await asyncio.gather(server(ready, done, log), client(ready, done, log))
    for line in log:
        print(line)


asyncio.run(main())
