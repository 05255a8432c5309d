d: dict[int, str] = {}
for i in [5, 3, 9, 1]:
    d[i] = str(i * i)
print(d, sorted(d), sorted(d.items(), key=lambda kv: kv[1]))
del_keys = [k for k in d if k > 4]
for k in del_keys:
    d.pop(k)
print(d, len(d))
inv = {v: k for k, v in d.items()}
print(inv)
merged = {"a": 1}
merged.update({"b": 2, "a": 3})
print(merged, list(merged.items()))
nested: dict[str, dict[str, int]] = {"x": {"y": 1}}
nested["x"]["z"] = 2
print(nested)
