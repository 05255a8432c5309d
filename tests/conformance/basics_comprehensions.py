# list/dict/set comprehensions and generator expressions.
xs = list(range(10))
squares = [x * x for x in xs if x % 2 == 0]
print(squares)
pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs)
d = {w: len(w) for w in ["apple", "kiwi", "fig"]}
print(d)
s = {x % 3 for x in xs}
print(s)
print(sum(x for x in xs), max(len(w) for w in d), any(x > 8 for x in xs))
words = ["Hello", "World"]
print(", ".join(w.lower() for w in words))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[1] for row in matrix])
flat = [v for row in matrix for v in row if v % 2 == 1]
print(flat)
