-- error with level 2 blames the caller's line.
local function require_string(v)
  if type(v) ~= 'string' then
    error('string required, got ' .. type(v), 2)
  end
end
local function api(v)
  require_string(v)
  return v
end
print(api('ok'))
api(42)
