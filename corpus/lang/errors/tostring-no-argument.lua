-- tostring and type need an argument.
print(pcall(function() return tostring() end))
print(pcall(function() return type() end))
print(pcall(tostring))
print(tostring(nil), type(nil))
