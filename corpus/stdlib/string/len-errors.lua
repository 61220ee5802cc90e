-- Arguments that are neither strings nor numbers are rejected with PUC's messages.
print(pcall(string.len))
print(pcall(string.len, nil))
print(pcall(string.len, {}))
print(pcall(string.len, true))
print(pcall(function() return string.len() end))
print(pcall(function() local t = {len = string.len}; return t:len() end))
