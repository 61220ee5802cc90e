-- utf8.codes yields the byte position and code point of each character.
for p, c in utf8.codes("a\u{E9}\u{4E2D}\u{1F600}z") do print(p, c) end
for p, c in utf8.codes("") do print("never", p, c) end
local f, s, i = utf8.codes("xy")
print(type(f), s, i)
print(f(s, i))
print(f(s, 1))
print(f(s, 2))
local g, t = utf8.codes(123)
print(t, math.type(t), g(t, 0))
