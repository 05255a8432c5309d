# The mode decides str vs bytes, so it must be a literal.
# expect: 6:21: error: the mode of open() must be a string literal for aioc (it decides between str and bytes)
import sys

mode = sys.argv[1]
with open("/tmp/x", mode) as f:
    print(f.read())
