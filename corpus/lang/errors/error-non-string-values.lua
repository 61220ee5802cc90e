-- Numbers, booleans and functions as error values; numbers get no position.
print(pcall(function() error(42) end))
print(pcall(function() error(4.5) end))
print(pcall(function() error(true) end))
print(pcall(function() error('42') end))
local ok, e = pcall(function() error(print) end)
print(ok, e == print)
