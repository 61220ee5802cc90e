-- An uncaught error raised by a function reached through an upvalue.
local function fail(msg) error(msg) end
local function wrapper()
  fail('through upvalue')
end
wrapper()
