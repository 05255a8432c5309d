def f():
return 1
class C
  x = 1
for x in y:
    pass
  z
x = "é" + )
