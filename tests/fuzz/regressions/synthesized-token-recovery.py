x = = 1
y = 2
z = * 
if x
    pass
w = (1 +
