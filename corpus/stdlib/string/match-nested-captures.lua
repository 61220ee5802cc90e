-- Captures nest; they are numbered by their opening parenthesis.
print(string.match("hello world", "((%w+) (%w+))"))
print(string.match("abcd", "(a(b(c)))(d)"))
print(string.match("date: 2024-05-06", "((%d+)-((%d+)-(%d+)))"))
local caps = {string.match("abcdefghij", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)")}
print(#caps, caps[1], caps[10])
