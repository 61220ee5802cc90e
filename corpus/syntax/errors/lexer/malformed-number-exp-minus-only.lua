x = 2E-
