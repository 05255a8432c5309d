def f(:
  pass
class C
  x = 1
for x in y:
pass
