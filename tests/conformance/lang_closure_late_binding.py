from typing import Callable


def late() -> list[Callable[[], int]]:
    fs: list[Callable[[], int]] = []
    for i in range(3):
        # CPython prints 2 2 2: the lambdas see the loop variable's last value.
        fs.append(lambda: i)
    return fs


def counter() -> int:
    total = 0
    f = lambda: total
    total = 5
    return f()


def make_counter() -> Callable[[], int]:
    count = 0

    def bump() -> int:
        nonlocal count
        count += 1
        return count

    return bump


def accumulate(start: int) -> tuple[Callable[[int], None], Callable[[], int]]:
    def add(n: int) -> None:
        nonlocal start
        start = start + n

    def get() -> int:
        return start

    return add, get


def shared_list() -> list[str]:
    log: list[str] = []
    name = "first"

    def record() -> None:
        log.append(name)

    record()
    name = "second"
    record()
    return log


def outer() -> int:
    x = 1

    def middle() -> int:
        def inner() -> int:
            nonlocal x
            x *= 10
            return x

        inner()
        return inner()

    r = middle()
    return r + x


print([f() for f in late()], counter())
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c2(), c1())
add, get = accumulate(10)
add(5)
add(-2)
print(get())
print(shared_list())
print(outer())
