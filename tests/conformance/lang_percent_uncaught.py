fmt = "%d apples and %d pears"
print(fmt % (3, 4))
print(fmt % (5,))
