s = "  The quick brown fox  "
t = s.strip()
print(t.split(" ", 1), t.rsplit(" ", 1), t.split(maxsplit=2))
print(t.lower().count("o"), t.index("quick"), t.rfind("o"))
print("a,b;c".replace(",", ";").split(";"))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print("Mixed Case".swapcase(), "ÀÉÎ".lower(), "straße".upper())
print("a-b-c".rpartition("-"), "abc".partition("x"))
print(str(12) + str(3.0) + str(True) + str(None))
print(repr("\x00\x7f\u00e9\u2028"), len("\U0001F600"), "😀"[0])
words = ["b", "A", "c", "B"]
print(sorted(words), sorted(words, key=len))
