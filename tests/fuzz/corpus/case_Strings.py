'a' "b" '''c
''' r'\d' u'x' 'caf\u00e9 \N{BULLET} \t \101 \q'
