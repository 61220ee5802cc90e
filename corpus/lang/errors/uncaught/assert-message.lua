-- An uncaught failed assertion with a message.
local function parse(s)
  local n = tonumber(s)
  assert(n, 'not a number: ' .. s)
  return n
end
print(parse('12'))
parse('twelve')
