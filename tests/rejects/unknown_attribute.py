# expect: 8:7: error: `Point` has no attribute `z`
class Point:
    def __init__(self, x: int) -> None:
        self.x = x


p = Point(1)
print(p.z)
