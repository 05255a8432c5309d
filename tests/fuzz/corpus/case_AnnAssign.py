x: int = 5
(y): str
a.b: int
