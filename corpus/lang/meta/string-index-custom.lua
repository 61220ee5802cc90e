-- Fields added to the string table are visible as methods.
function string.shout(s) return s:rep(1) .. '!' end
print(('hi'):shout())
local s = 'abc'
print(type(s.shout), s.len == string.len)
string.shout = nil
print(pcall(function() return ('x'):shout() end))
