-- \z skips whitespace; a backslash-newline embeds a newline.
local s = 'abc\z
           def'
print(s, #s)
local t = 'first\
second'
print(t, #t)
