# dict: insertion order, get/setdefault/pop, iteration.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], "a" in d, "z" in d)
print(d.get("z"), d.get("z", 0), d.get("a"))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(f"{k}={v}")
print(list(d.keys()), list(d.values()))
print(d.pop("b"), d, d.setdefault("x", 9), d)
counts: dict[str, int] = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
by_len: dict[int, list[str]] = {}
for w in ["a", "bb", "cc", "d"]:
    by_len.setdefault(len(w), []).append(w)
print(by_len)
e = d.copy()
e["new"] = 1
print(d == e, len(e))
