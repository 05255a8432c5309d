# str methods, slicing by code point, repr quoting.
s = "Hello, Wörld! ñandú"
print(len(s), s[0], s[-1], s[7:12], s[::-1], s[::2])
print(s.upper(), s.lower())
print(s.split(", "), "a b  c".split(), "x,y,,z".split(","))
print("-".join(["a", "b", "c"]), " padded ".strip() + "|")
print(s.replace("l", "L"), s.find("W"), s.find("zzz"), s.count("l"))
print(s.startswith("Hell"), s.endswith("ú"), "ell" in s, "xyz" not in s)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\n"))
print("abc" * 3, "ab" < "b", "Z" < "a")
print("42".zfill(5), "ab".rjust(5), "ab".ljust(5) + "|", "ab".center(6, "*"))
print("title case words".title(), "cap".capitalize(), "  x ".lstrip() + "|")
print("a1".isalnum(), "123".isdigit(), "abc".isalpha(), "  ".isspace())
print(ord("A"), chr(97), chr(8364), hex(255), "é".encode())
for ch in "añ€":
    print(ch, ord(ch))
print("line1\nline2".splitlines(), "k=v".partition("="))
