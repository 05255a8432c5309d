x = 1
# A BOM at the start of an f-string replacement field is an invalid
# character, as anywhere after the start of the file.
print(f"{﻿x}")
