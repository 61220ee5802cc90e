-- Stack overflow in a vararg function that passes growing argument lists.
local function contains(s, part)
  for i = 1, #s - #part + 1 do
    if s:sub(i, i + #part - 1) == part then return true end
  end
  return false
end
local function grow(...) return 1 + grow(1, ...) end
local ok, msg = pcall(grow)
print(ok, contains(msg, 'stack overflow'))
print(msg)
