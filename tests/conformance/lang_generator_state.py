from typing import Iterator


class Tree:
    def __init__(self, value: int, children: list["Tree"]) -> None:
        self.value = value
        self.children = children


def walk(t: Tree) -> Iterator[int]:
    stack = [t]
    while stack:
        node = stack.pop()
        yield node.value
        for c in reversed(node.children):
            stack.append(c)


def take(it: Iterator[int], n: int) -> list[int]:
    out: list[int] = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


def naturals() -> Iterator[int]:
    n = 0
    while True:
        yield n
        n += 1


tree = Tree(1, [Tree(2, [Tree(4, [])]), Tree(3, [])])
print(list(walk(tree)), sum(walk(tree)), max(walk(tree)))
print(take(naturals(), 5))
gen = naturals()
print(take(gen, 3), take(gen, 3))
print(sorted(walk(tree), reverse=True), [v * 2 for v in walk(tree) if v > 1])
