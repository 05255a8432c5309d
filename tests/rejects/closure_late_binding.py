# expect: 10:27: error: `i` is captured by a nested function or lambda but is reassigned, assigned in a loop or after the closure is defined; aioc captures by value, so this is not supported (bind it to a new name that is assigned once)
# expect: 16:17: error: `total` is captured by a nested function or lambda but is reassigned, assigned in a loop or after the closure is defined; aioc captures by value, so this is not supported (bind it to a new name that is assigned once)
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


print([f() for f in late()], counter())
