-- Argument checks of setmetatable.
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, nil, nil))
print(pcall(setmetatable, 'str', {}))
