class Plain:
    def __init__(self, v: int) -> None:
        self.v = v

    def __repr__(self) -> str:
        return f"Plain(v={self.v})"


class Named:
    def __init__(self, n: str) -> None:
        self.n = n

    def __str__(self) -> str:
        return "Named " + self.n


ps = [Plain(1), Plain(2)]
print(ps, ps[0], str(ps[1]), repr(ps[0]))
n = Named("x")
print(n, f"{n}", str(n))
