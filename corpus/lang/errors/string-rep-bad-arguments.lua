-- Bad arguments to a library function called in different ways.
print(pcall(function() string.rep() end))
print(pcall(function() local s = 'x'; s:rep() end))
print(pcall(function() local t = {rep = string.rep}; t:rep(2) end))
print(pcall(string.rep))
print(pcall(function() local r = string.rep; r() end))
