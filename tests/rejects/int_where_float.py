# expect: 6:6: error: an `int` stored where `float` is expected would print as a float in aioc but as an int in Python; write a float (e.g. `1.0`) or convert with `float(...)`
def show(x: float) -> None:
    print(x)


show(10)
