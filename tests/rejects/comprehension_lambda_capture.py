# expect: 7:21: error: `i` is a comprehension variable captured by a lambda; aioc captures it by value, so late binding is not supported here (use a default argument or a loop)
# expect: 14:17: error: local variable `total` is used before it is assigned
from typing import Callable


def make() -> list[Callable[[], int]]:
    return [lambda: i for i in range(3)]


def bad_assign() -> int:
    total = 0

    def inc() -> None:
        total = total + 1

    inc()
    return total


print([f() for f in make()], bad_assign())
