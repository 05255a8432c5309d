def find(xs: list[int], target: int) -> int | None:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def describe(v: int | None) -> str:
    if v is None:
        return "none"
    return f"at {v + 1}"


def first_word(s: str | None) -> str:
    if not s:
        return "-"
    return s.split()[0]


idx = find([4, 5, 6], 5)
print(describe(idx), describe(find([], 1)))
if idx is not None and idx > 0:
    print("positive", idx * 2)
print(first_word(None), first_word(""), first_word("hello there"))
best: str | None = None
for w in ["pear", "fig", "banana"]:
    if best is None or len(w) > len(best):
        best = w
print(best)
val = idx if idx is not None else -1
print(val)
