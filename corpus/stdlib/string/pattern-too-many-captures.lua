-- At most 32 captures.
local s = ("a"):rep(40)
local r = {string.match(s, ("(a)"):rep(32))}
print(#r, r[1], r[32])
print(pcall(string.match, s, ("(a)"):rep(33)))
print(pcall(string.match, s, ("()"):rep(33)))
print(select("#", string.find(s, ("()"):rep(32))))
