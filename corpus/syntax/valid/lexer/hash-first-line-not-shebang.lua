# this line is skipped by the loader
x = 1
