-- ipairs with nothing or with nil.
print(pcall(function() ipairs() end))
print(pcall(function() for _ in ipairs(nil) do end end))
print(pcall(ipairs))
print(pcall(function() for _ in ipairs(5) do end end))
