n = 0
total = 0
while True:
    n += 1
    if n % 3 == 0:
        continue
    if n > 10:
        break
    total += n
print(n, total)
grid = [[1, 2, 3], [4, 5, 6]]
found = False
for row in grid:
    for v in row:
        if v == 5:
            found = True
            break
    if found:
        break
print(found, row)
i = 0
while i < 3:
    print("i =", i)
    i += 1
