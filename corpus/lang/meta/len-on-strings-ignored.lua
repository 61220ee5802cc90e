-- '#' on strings never consults the string metatable.
local mt = getmetatable('')
mt.__len = function() return 'meta' end
print(#'abc', #'')
mt.__len = nil
print(#'abcd')
