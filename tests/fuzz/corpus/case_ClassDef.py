class C(A, B, metaclass=M, **kw):
    x = 1
