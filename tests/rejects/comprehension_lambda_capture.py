# expect: 14:17: error: local variable `total` is used before it is assigned
# expect: 7:21: error: `i` is a comprehension variable captured by a lambda; aioc captures it by value, so late binding is not supported here (use a default argument or a loop)
