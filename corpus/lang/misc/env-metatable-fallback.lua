-- An environment inheriting from _G through __index.
local env = setmetatable({}, {__index = _G})
local chunk = load('z = 10; return print ~= nil, z', 'chunk', 't', env)
print(chunk())
print(env.z, rawget(_G, 'z'))
