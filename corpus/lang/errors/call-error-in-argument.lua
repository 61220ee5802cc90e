-- An error while evaluating arguments happens before the call.
local log = {}
local function f(...) log[#log + 1] = 'called' end
print(pcall(function() f(1, nil + 1) end))
print(#log)
