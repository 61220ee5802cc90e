-- The main chunk is a vararg function; here it receives no arguments.
print(select('#', ...))
local a, b = ...
print(a, b)
local t = {...}
print(#t)
