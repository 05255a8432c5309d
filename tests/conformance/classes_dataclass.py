# @dataclass: generated __init__, __repr__, __eq__, defaults.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int = 0

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


@dataclass
class Item:
    name: str
    price: float
    tags: list[str]


p = Point(3, -4)
q = Point(x=3, y=-4)
r = Point(1)
print(p, r, p == q, p == r, p.norm1())
p.x = 10
print(p, p.x)
it = Item("pen", 1.5, ["office"])
it.tags.append("cheap")
print(it, it.price * 2)
pts = [Point(2, 1), Point(1, 5), Point(1, 2)]
pts.sort(key=lambda pt: (pt.x, pt.y))
print(pts)
