-- Tail calls pass every result through.
local function three() return 1, 2, 3 end
local function tail() return three() end
local function tailv(...) return select('#', ...), ... end
local function outer(...) return tailv(...) end
print(tail())
print(outer(nil, nil))
print(select('#', tail()))
