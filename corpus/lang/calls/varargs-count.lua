-- select('#', ...) counts trailing nils.
local function count(...) return select('#', ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function forward(...) return count(...) end
print(forward(), forward(nil, nil, nil))
