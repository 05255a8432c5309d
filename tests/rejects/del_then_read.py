# expect: 4:9: error: `del x` is supported by aioc only when the name is not read afterwards (CPython would raise NameError)
def f() -> int:
    x = 3
    del x
    return x


print(f())
