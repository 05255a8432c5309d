# expect: 2:5: error: integer constant 99999999999999999999 does not fit in 64 bits (aioc's int is 64-bit)
x = 99999999999999999999
