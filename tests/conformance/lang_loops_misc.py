for i, (a, b) in enumerate(zip("abc", [1, 2, 3]), start=1):
    print(i, a, b)
for k in reversed(range(3)):
    print(k, end=" ")
print()
total = 0
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 10:
        break
    total += i
print(total)
for x in range(10, 0, -3):
    print(x, end=",")
print()
pairs = [(n, n * n) for n in range(4)]
for n, sq in pairs:
    print(f"{n}^2={sq}")
names = ["a", "b"]
for idx, name in enumerate(names):
    names[idx] = name.upper()
print(names)
matrix = [[1, 2], [3, 4]]
print([[row[c] for row in matrix] for c in range(2)])
print([x for row in matrix for x in row if x != 3])
