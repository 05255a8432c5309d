a and b and c or d
