-- load with a reader function that returns pieces.
local pieces = {'return ', '1 ', '+ ', '41', nil}
local i = 0
local f = load(function() i = i + 1; return pieces[i] end)
print(f())
local parts = {'local a, b = ...\n', 'return a * b'}
local j = 0
local g = load(function() j = j + 1; return parts[j] end, '=reader')
print(g(6, 7))
local k = 0
local h = load(function() k = k + 1; if k == 1 then return 'return "ok"' end return '' end)
print(h())
