-- Parentheses truncate a multi-value expression to one value.
local function two() return 'a', 'b' end
local function none() end
print((two()))
print((none()))
print(select('#', (none())), select('#', none()))
local t = {(two())}
print(#t)
local function ret() return (two()) end
print(ret())
