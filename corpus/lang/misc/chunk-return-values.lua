-- The main chunk can return values; the harness prints them.
local t = {}
print('returning')
return 1, 'two', nil, 3.0, true
