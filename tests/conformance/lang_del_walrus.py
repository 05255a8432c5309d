import asyncio


def read_chunks(data: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while (n := len(data) - i) > 0:
        out.append(f"{data[i]}:{n}")
        i += 1
    return out


def find(d: dict[str, int], k: str) -> int | None:
    return d.get(k)


async def main() -> None:
    xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    del xs[0]
    del xs[-1]
    print(xs)
    del xs[1:3]
    print(xs)
    del xs[::2]
    print(xs)
    d = {"a": 1, "b": 2, "c": 3}
    del d["b"]
    print(d)
    try:
        del d["zz"]
    except KeyError as e:
        print("KeyError", e)
    try:
        del xs[10]
    except IndexError as e:
        print("IndexError", e)
    tmp = [1, 2, 3]
    print(sum(tmp))
    del tmp
    print(read_chunks(["x", "y", "z"]))
    if (v := find(d, "c")) is not None:
        print("found", v + 1)
    if (w := find(d, "q")) is None:
        print("missing", w)
    total = 0
    while (step := total + 3) < 10:
        total = step
    print(total, step)
    await asyncio.sleep(0)
    print([y := 5, y ** 2])


asyncio.run(main())
