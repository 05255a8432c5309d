inventory = {"apple": 3, "pear": 0, "fig": 7}
print(sorted(inventory.items(), key=lambda kv: -kv[1]))
print(max(inventory, key=lambda k: inventory[k]), min(inventory.values()))
print({k: v for k, v in inventory.items() if v > 0})
print(inventory.pop("pear", -1), inventory.pop("nothing", -1), inventory)
print(len(inventory), "fig" in inventory, list(inventory))
d2 = dict(inventory)
d2["kiwi"] = 1
print(inventory == d2, len(d2))
words = "a b a c b a".split()
freq: dict[str, int] = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq, sorted(freq, key=lambda w: (-freq[w], w)))
