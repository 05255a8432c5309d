name = "widget"
count = 3
price = 2.5
pair = (7, "seven")

print("%d items, %s, %.2f, %5s, %r, %%" % (count, name, price, name, name))
print("%s" % name)
print("%d" % count)
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o %#X" % (255, 255, 8, 255, 8, 255))
print("%.3f %10.4f %-10.1f| %e %E %g %G" % (3.14159, 2.0, -1.25, 12345.678, 0.00012, 1e20, 1.5e-7))
print("%08.3f|%+.1f|% .2f" % (-3.14159, 2.0, 1.0))
print("%.3s|%-6s|%6s|" % ("abcdef", "ab", "cd"))
print("%c%c%c" % (72, 105, "!"))
print("%d %s" % pair)
print("%s and %r" % (True, None))
print("%i %u %d" % (7, 8, 9.99))
print("%s" % [1, 2, 3])
print("%r" % "it's")
print("%.2f%%" % (12.3456,))
print("%3d%%" % 50)
print("ünïcode %s %5s|" % ("é", "ß"))
msg = "%s=%d"
print(msg % ("x", 10))
print("%s" % 1.0, "%s" % 0.1, "%r" % 1e16)
try:
    print(msg % ("only",))
except TypeError as e:
    print("TypeError:", e)
try:
    print(msg % ("a", 1, 2))
except TypeError as e:
    print("TypeError:", e)
