[*a, *b]
print(*a)
