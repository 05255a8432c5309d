xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(xs.index(1), xs.count(1), len(xs))
ys = xs.copy()
ys.clear()
print(xs, ys)
xs.sort(reverse=True)
print(xs)
words = ["banana", "Apple", "cherry"]
words.sort()
print(words)
words.sort(key=lambda w: w.lower())
print(words)
nums = [1.5, -2.0, 0.25]
print(sorted(nums), sum(nums), min(nums), max(nums))
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
print([1, 2] * 2, [[1]] * 2, list("abc"), list(range(3)))
