-- Source names longer than 59 characters are shortened with '...' in
-- messages; this file's own name is long enough.
print(pcall(function() local t; return t.x end))
local long = '@' .. string.rep('very-long-directory/', 5) .. 'file.lua'
print(pcall(load('error("from long name")', long)))
print(pcall(load('error("string chunk")', string.rep('x', 80))))
print(pcall(load('error("short =name")', '=' .. string.rep('y', 80))))
