def check(x: int) -> int:
    assert x >= 0, f"negative: {x}"
    return x * 2


print(check(3))
print(check(-1))
