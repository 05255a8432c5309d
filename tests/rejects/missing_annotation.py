# expect: 2:7: error: parameter `x` needs a type annotation (aioc compiles statically typed code)
def f(x) -> int:
    return 1


print(f(1))
