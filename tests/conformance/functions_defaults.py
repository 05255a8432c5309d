from typing import Callable

def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return f"{greeting}, {name}{punct}"


def stats(*nums: float) -> tuple[float, float]:
    lo = min(nums) if nums else 0.0
    return lo, sum(nums, 0.0)


def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)


print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(stats(3.0, 1.5, 2.0), stats())
print(apply(lambda v: v * 3, 7))


def make_adder(n: int) -> Callable[[int], int]:
    return lambda x: x + n


add5 = make_adder(5)
print(add5(10), apply(add5, 1))
