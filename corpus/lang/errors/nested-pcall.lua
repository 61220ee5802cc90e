-- Nested pcalls: inner errors are caught by the innermost pcall.
local function inner() error('inner error') end
local function middle()
  local ok, e = pcall(inner)
  print('middle caught', ok, e)
  error('middle error')
end
print(pcall(middle))
print(pcall(pcall, error, 'x'))
print(pcall(pcall, pcall, error, 'y'))
