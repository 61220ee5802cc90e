-- Infinite recursion raises a stack overflow error that pcall catches.
local function contains(s, part)
  for i = 1, #s - #part + 1 do
    if s:sub(i, i + #part - 1) == part then return true end
  end
  return false
end
local function f() return 1 + f() end
local ok, msg = pcall(f)
print(ok, type(msg), contains(msg, 'stack overflow'))
print(select(2, pcall(f)))
