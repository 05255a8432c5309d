from typing import Callable


def make_acc() -> tuple[Callable[[int], int], Callable[[], None]]:
    total = 0
    history: list[int] = []

    def add(n: int) -> int:
        nonlocal total
        total += n
        history.append(total)
        return total

    def reset() -> None:
        nonlocal total, history
        total = 0
        history = []

    return add, reset


add, reset = make_acc()
print(add(1), add(2), add(3))
reset()
print(add(10))


def fib_memo() -> Callable[[int], int]:
    calls = 0
    memo: dict[int, int] = {}

    def fib(n: int) -> int:
        nonlocal calls
        calls += 1
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r

    def run(n: int) -> int:
        v = fib(n)
        print("calls", calls)
        return v

    return run


print(fib_memo()(20))


def adders() -> list[Callable[[int], int]]:
    out: list[Callable[[int], int]] = []
    for k in range(3):
        out.append(lambda x: x + k)
    return out


print([f(100) for f in adders()])
