-- A table replacement is indexed with the first capture (or the whole match).
local vars = {name = "Lua", version = 5.3, yes = true, no = false}
print(string.gsub("$name $version $other", "%$(%w+)", vars))
print(string.gsub("$no", "%$(%w+)", vars))
print(string.gsub("abc", "%w", {a = 1, b = "B"}))
print(string.gsub("abc", "()", {[1] = "one", [4] = "four"}))
local proxy = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(string.gsub("hello world", "%w+", proxy))
print(pcall(string.gsub, "$yes", "%$(%w+)", vars))
