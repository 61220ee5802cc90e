-- A C-function argument error raised from a nested Lua function.
local function pad(s, n) return s .. (' '):rep(n) end
local function row(cells) return pad(cells[1], cells[2]) end
print('[' .. row({'a', 2}) .. ']')
row({'b', 'x'})
