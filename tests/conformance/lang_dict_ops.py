d: dict[str, int] = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), "a" in d, "z" not in d)
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("e", 5), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("zz", -1), d)
d.update({"b": 20, "f": 6})
print(d)
for k, v in d.items():
    print(k, v, end="; ")
print()
counts: dict[str, int] = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
inv = {v: k for k, v in counts.items()}
print(inv)
nested: dict[str, list[int]] = {}
nested.setdefault("x", []).append(1)
nested.setdefault("x", []).append(2)
print(nested, d.copy() == d, {1: "a"} == {1: "a"})
print(d.popitem(), d)
e = dict(d)
e.clear()
print(e, d)
try:
    print(d["missing"])
except KeyError as err:
    print("KeyError", err)
