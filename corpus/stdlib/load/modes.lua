-- load's mode argument: "t", "b", "bt" and odd modes on text, binary and reader chunks, with the "attempt to load a ... chunk (mode is '...')" messages.
local text = "return 'text chunk'"
local binary = string.dump(function() return "binary chunk" end)
for _, mode in ipairs({"t", "b", "bt", "tb", "b t"}) do
  local f, err = load(text, "=text", mode)
  local g, err2 = load(binary, "=binary", mode)
  print(string.format("%q", mode), f and f() or err, g and g() or err2)
end
print(load(text, "=text", nil)(), load(binary, "=binary", nil)())
-- The mode is checked before anything else is read: bad text or a bad binary header gives the mode error.
print(load("return +", "=text", "b"))
print(load("\27garbage", "=bin", "t"))
print(load("\27", nil, "t"))
print(load("", "=empty", "b"))
-- The mode applies to chunks read from a reader function; an empty reader is an empty text chunk.
local function reader(s)
  local done = false
  return function() if not done then done = true return s end end
end
print(load(reader(binary), "=r", "t"))
print(load(reader(text), "=r", "b"))
print(load(reader(binary), "=r", "b")())
print(load(function() return nil end, "=r", "b"))
print(type(load(function() return nil end, "=r", "t")))
-- The mode must be a string.
print(pcall(load, text, "=x", {}))
print(pcall(load, text, "=x", true))
print(pcall(function() return load(text, nil, false) end))
