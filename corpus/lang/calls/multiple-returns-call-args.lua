-- A call as the last argument passes all its results.
local function three() return 1, 2, 3 end
local function count(...) return select('#', ...) end
print(count(three()), count(three(), three()), count((three())))
print(count(three(), nil), count(nil, three()))
print(three(), three())
