def ratio(a: int, b: int) -> float:
    return a / b


print(ratio(1, 2))
print(ratio(1, 0))
