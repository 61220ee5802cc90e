-- 'and'/'or' do not evaluate the right side when not needed.
local log = {}
local function v(x, name) log[#log + 1] = name; return x end
local r1 = v(nil, 'a') and v(1, 'b')
local r2 = v(false, 'c') or v(nil, 'd')
local r3 = v(1, 'e') and v(2, 'f') or v(3, 'g')
local r4 = v(1, 'h') or v(2, 'i')
print(r1, r2, r3, r4)
print(table.concat(log, ' '))
