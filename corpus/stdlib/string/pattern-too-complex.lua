-- Nested matching is limited to 200 levels ("pattern too complex").
local s = ("a"):rep(300)
print(pcall(string.find, s, ("a?"):rep(150)))
print(pcall(string.find, s, ("a?"):rep(250) .. "b"))
print(pcall(string.match, s, ("(a)"):rep(20)))
print(pcall(string.find, s, ".-b"))
print(pcall(string.find, s, "a*b"))
print(string.find(s, "a*$"), string.find(s, "a-$"))
