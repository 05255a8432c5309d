@a
@b.c(d)
def f(): pass
@e
class C: pass
