b'\x00\n' rb'\d' B"'"
