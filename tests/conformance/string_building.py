parts: list[str] = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
s = ""
for ch in "abc":
    s += ch.upper() + ch
print(s, len(s))
table = [("alice", 93.5), ("bob", 7.25), ("carol", 100.0)]
for name, score in table:
    print(f"{name:<8}|{score:>8.2f}|{score / 100:>7.1%}")
print(f"{'centered':^20}", f"{42:#x}", f"{42:#o}", f"{42:#b}", f"{1234.5:,.1f}")
