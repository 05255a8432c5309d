# start_server's callback must be an async def of (reader, writer).
# expect: 11:41: error: start_server() needs an `async def` of (reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None defined in the script
import asyncio


def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.close()


async def main() -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    server.close()


asyncio.run(main())
