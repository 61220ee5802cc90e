-- Conditions on computed values and on calls returning several values.
local function two() return false, true end
if two() then print('first true') else print('first false') end
local t = {}
if t.missing == nil then print('missing is nil') end
if #t == 0 and not next(t) then print('empty') end
