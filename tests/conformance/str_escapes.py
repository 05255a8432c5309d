# Literals that stress C++ escaping: quotes, backslashes, */, ??/, NUL.
a = "quote\" backslash\\ comment*/ trigraph??/ nul\0end"
b = 'single \' and tab\tand\nnewline'
c = r"raw \n stays \d+"
d = """triple "quoted"
spans lines"""
print(a)
print(len(a), repr(a))
print(b)
print(c, len(c))
print(d)
print("日本語テキスト", len("日本語テキスト"), "日本語"[1])
print("emoji 🎉 and combining e\u0301", len("e\u0301"))
print("\\x41 is", "\x41", "\u00df", "\N{GREEK SMALL LETTER ALPHA}")
