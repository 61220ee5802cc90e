-- Long bracket strings keep their content verbatim.
local a = [[plain]]
local b = [==[with ]] inside]==]
local c = [[
skips the first newline]]
local d = [[a\nb]]
print(a, b, c, d, #d)
print([[
]] == '', [[

x]] == '\nx')
