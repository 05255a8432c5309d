import os, sys as s
from .a import (b, c as d,)
async def f(x, /, y: int = 3, *args, z, **kw) -> None:
    """doc"""
    await g(x)
    async with a as b, c:
        pass
    async for i in range(10):
        print(f"{i!r:>{w}} and {i=}")
    return [x for x in y if x], {k: v for k, v in d.items()}, {*a}, (x for x in y)
class C(B, metaclass=M):
    @dec
    def m(self): ...
x: int = 5
a, *b = c = 1, 2
match cmd:
    case [1, 2, *rest] if rest:
        pass
    case {"a": 1, **r}:
        pass
    case Point(x=0, y=_) | None:
        pass
    case -1 | 1+2j | "s" "x" if 0:
        pass
try:
    pass
except* E as e:
    pass
lambda a, *, b=1: a
x = 0xFF + 1_000 + 1.5e10 + 3j + 1e400
y = b'\x00\n' + r'\d' + '\u00e9\N{BULLET}'
del a[0], b.c
while (n := 10) > 0: break
global q; nonlocal r
assert x, "m"
raise E from e
if a: pass
elif b: pass
else: pass
with (open(a) as f, open(b) as g): pass
print(*a, **k)
z = a if b else c
z = not a and b or c
z = a < b <= c is not d not in e
z = -a ** -b
z = a[1:2, ::3, ...]
