from dataclasses import dataclass


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name} with area {self.area():.2f}"

    def __str__(self) -> str:
        return f"Shape({self.name})"

    def __repr__(self) -> str:
        return f"<{self.name}>"


class Rect(Shape):
    def __init__(self, w: float, h: float) -> None:
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h


class Square(Rect):
    def __init__(self, side: float) -> None:
        super().__init__(side, side)
        self.name = "square"

    def describe(self) -> str:
        return "square! " + super().describe()


@dataclass
class Point:
    x: int
    y: int = 0

    def moved(self, dx: int) -> "Point":
        return Point(self.x + dx, self.y)


shapes: list[Shape] = [Rect(2.0, 3.0), Square(2.0), Shape("blob")]
for s in shapes:
    print(s.describe(), str(s), repr(s))
print(shapes)
p = Point(1)
print(p, p.moved(5), p == Point(1, 0), p != Point(2))
print(isinstance(shapes[1], Rect), isinstance(shapes[2], Rect), type(shapes[1]).__name__)
