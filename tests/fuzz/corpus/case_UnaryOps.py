not a
-b
+c
~d
