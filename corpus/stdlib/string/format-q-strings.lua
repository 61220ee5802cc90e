-- %q quotes strings so that Lua reads them back.
local f = string.format
print(f("%q", "hello"), f("%q", 'say "hi"'), f("%q", "back\\slash"))
print(f("%q", "line1\nline2"))
print(f("%q", "tab\there"), f("%q", "\0"), f("%q", "\0001"), f("%q", "\r\n"), f("%q", "\127\128\255"))
print(f("%q", "\1\0029\31 "), f("%q", ""))
local s = "a\0b\n\"c\\\r\t\200"
print(load("return " .. f("%q", s))() == s)
