local s = 'it
x = 1
