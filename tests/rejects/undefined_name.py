# expect: 2:7: error: name `undefined_thing` is not defined
print(undefined_thing)
