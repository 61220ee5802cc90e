-- Divisions by zero are not folded at compile time; they fail when run.
local ok, msg = pcall(function() return 1 // 0 end)
print(ok, msg)
ok, msg = pcall(function() return 1 % 0 end)
print(ok, msg)
print(1 // 0.0, 1.0 % 0 ~= 1.0 % 0)
print(pcall(load('return 2 // 0')))
