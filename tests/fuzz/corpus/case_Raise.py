raise
raise E
raise E from e
