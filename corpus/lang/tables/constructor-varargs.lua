-- '{...}' captures every vararg, '{..., x}' only the first.
local function pack(...) return {...} end
local t = pack(1, 2, 3)
print(#t, t[1], t[3])
local function first(...) return {..., 'x'} end
t = first(1, 2, 3)
print(#t, t[1], t[2], t[3])
local function count(...) local t = {...} return #t, select('#', ...) end
print(count())
print(count('a', 'b'))
