x = 3.14159
n = 42
s = "hi"
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|{x:+.1e}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:x}|{n:#o}|{n:b}|{n:,}")
print(f"{s:>6}|{s:<6}|{s:^6}|{s:*^8}|{s!r}|{s!r:>8}")
print(f"{1234567.891:,.2f}|{0.5:.0%}|{1e-5:g}|{123456789.0:g}")
print(f"{n=}" if False else f"n={n}")
print(f"{'nested'}|{n * 2}|{[1, 2]}|{(1, 'a')}|{None}|{True}")
w = 8
print(f"{x:{w}.3f}|")
print(f"{-0.0}|{1e16}|{1.5e-7}|{float('inf')}|{2.0 ** 0.5}")
print(f"{{literal}} {n}")
