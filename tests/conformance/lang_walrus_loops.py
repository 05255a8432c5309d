import asyncio


def chunks(data: list[int], size: int) -> list[list[int]]:
    out: list[list[int]] = []
    i = 0
    while (part := data[i:i + size]):
        out.append(part)
        i += size
    return out


async def next_value(vals: list[int]) -> int | None:
    await asyncio.sleep(0)
    return vals.pop(0) if vals else None


async def main() -> None:
    print(chunks(list(range(7)), 3))
    vals = [3, 1, 4]
    while (v := await next_value(vals)) is not None:
        print("value", v)
    text = "key=value"
    if (pos := text.find("=")) >= 0:
        print(text[:pos], text[pos + 1:])
    if (n := len(text)) > 5:
        print("long", n)


asyncio.run(main())
