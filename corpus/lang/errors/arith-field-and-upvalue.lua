-- Arithmetic errors name fields and upvalues.
local cfg = {}
local count
print(pcall(function() return cfg.size + 1 end))
print(pcall(function() return count * 2 end))
print(pcall(function() return cfg.size // 2 end))
print(pcall(function() return cfg['size'] % 2 end))
