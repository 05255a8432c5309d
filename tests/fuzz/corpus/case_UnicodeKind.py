u'x'
