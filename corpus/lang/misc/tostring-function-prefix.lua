-- tostring of functions and tables starts with the type name.
local function prefix(v) local s = tostring(v); return s:sub(1, #type(v) + 2) end
print(prefix(print), prefix(function() end), prefix({}))
print(tostring(print) == tostring(print), tostring({}) ~= tostring({}))
