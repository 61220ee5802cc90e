-- Errors raised in a generic-for iterator.
local function bad_iter() error('iterator failed') end
print(pcall(function() for _ in bad_iter do end end))
print(pcall(function() for _ in nil do end end))
print(pcall(function() local it = 5; for _ in it do end end))
