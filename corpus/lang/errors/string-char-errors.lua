-- string.char and string.byte argument errors.
print(pcall(function() return string.char(256) end))
print(pcall(function() return string.char(-1) end))
print(pcall(function() return string.char('x') end))
print(string.char(), string.byte(''), select('#', string.byte('')))
