f'a{b}c'
f'{x!r:>{w}}'
f'{x=}'
f'{a}' 'b' f'{c:.2f}'
f'{{}}'
f"{'q'}"
