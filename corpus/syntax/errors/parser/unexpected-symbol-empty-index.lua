x = t[]
