# expect: 5:16: error: recursive function `fact` needs a return type annotation
def fact(n: int):
    if n <= 1:
        return 1
    return n * fact(n - 1)
