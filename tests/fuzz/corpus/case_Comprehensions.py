[x for x in y if x if z]
{x for x in y}
{k: v for k, v in d}
(x for y in z for x in y)
