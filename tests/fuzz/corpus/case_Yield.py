def g():
    yield
    yield 1
    x = yield from y
