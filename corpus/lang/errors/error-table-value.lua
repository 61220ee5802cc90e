-- error with a table value passes the table through unchanged.
local ok, e = pcall(error, {code = 1, text = 'bad'})
print(ok, type(e), e.code, e.text)
ok, e = pcall(function() error({code = 2}) end)
print(ok, type(e), e.code)
local err = {}
ok, e = pcall(function() error(err) end)
print(e == err)
