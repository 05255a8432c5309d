# input() reads stdin line by line (the test feeds "bob\nsecond line\n"),
# printing its prompt; at EOF it raises EOFError.
import sys


def main() -> None:
    name = input("name? ")
    print("hello", name)
    print(repr(input()))
    try:
        input("more? ")
    except EOFError as e:
        print("EOFError", e)
    sys.exit(3)


main()
