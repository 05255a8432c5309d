def parse_all(xs: list[str]) -> list[int]:
    out: list[int] = []
    for x in xs:
        try:
            out.append(int(x))
        except ValueError:
            print("skipping", repr(x))
            if x == "stop":
                raise
    return out


print(parse_all(["1", "x", "3"]))
try:
    parse_all(["2", "stop"])
except ValueError as e:
    print("re-raised:", e)


def loop_with_finally() -> int:
    total = 0
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            total += i
        finally:
            print("finally", i)
    return total


print(loop_with_finally())
