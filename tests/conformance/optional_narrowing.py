from typing import Optional


def find(xs: list[int], target: int) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def describe(v: int | None) -> str:
    if v is None:
        return "missing"
    return f"at {v + 0}"


def first_word(s: str) -> str | None:
    parts = s.split()
    if not parts:
        return None
    return parts[0]


xs = [4, 8, 15, 16]
for t in [15, 99]:
    r = find(xs, t)
    print(t, r, describe(r))
    if r is not None:
        print("double", r * 2)
w = first_word("  hello world")
print(w, first_word(""), w is None)
name: str | None = None
print(name)
name = "set"
if name is not None:
    print(name.upper())
