-- A ')' with no open capture is an invalid pattern capture, once the matcher reaches it.
local function try(f, ...) print(pcall(f, ...)) end
try(string.match, "abc", ")")
try(string.match, "abc", "a)")
try(string.find, "abc", "a).")
try(string.find, "abc", ")", 1, true)
try(string.find, "abc", "x)")
try(string.gsub, "abc", "b)", "x")
try(string.gsub, "abc", "(b))", "x")
try(function() for m in ("abc"):gmatch("())") do end end)
try(string.match, "abc", "%)")
try(string.match, "a)", "a%)")
try(string.match, "abc", "(a)(b))")
