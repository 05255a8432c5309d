import asyncio


async def resource(name: str) -> str:
    print("open", name)
    try:
        await asyncio.sleep(0.001)
        if name == "bad":
            raise ValueError("bad resource")
        return name.upper()
    finally:
        await asyncio.sleep(0)
        print("close", name)


async def main() -> None:
    print(await resource("good"))
    try:
        await resource("bad")
    except ValueError as e:
        print("error:", e)


asyncio.run(main())
