# expect: 5:1: error: match statements are not supported by aioc
import sys

x = len(sys.argv)
match x:
    case 1:
        print("one")
