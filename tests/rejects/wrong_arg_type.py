# expect: 6:8: error: argument `n` of `double` is `int`, not `str`
def double(n: int) -> int:
    return n * 2


double("x")
