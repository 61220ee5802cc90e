-- load returns nil and a message for syntax errors.
print(load('return +', '=bad'))
print(load('x = = 1', 'name'))
print(load('for', '@file.lua'))
print(load('return "unterminated'))
print(type(load('')))
