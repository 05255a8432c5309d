def outer(base: int) -> int:
    total = 0

    def add(x: int) -> int:
        return base + x

    for i in range(4):
        total += add(i)
    return total


def counter_demo() -> list[int]:
    seen: list[int] = []

    def record(v: int) -> None:
        seen.append(v * v)

    for v in [3, 1, 2]:
        record(v)
    return seen


print(outer(10), counter_demo())
