-- A __len that gives no integer fails in every function that takes the length; unpack needs one.
local function len(v) return setmetatable({}, {__len = function() return v end}) end
for _, v in ipairs({2.5, "x", "2.5", {}, true}) do
  local t = len(v)
  print(type(v), pcall(table.insert, t, 1))
  print(type(v), pcall(table.remove, t))
  print(type(v), pcall(table.concat, t))
  print(type(v), pcall(table.sort, t))
  print(type(v), pcall(table.unpack, t))
end
print(pcall(table.unpack, len(nil)))
print(pcall(table.unpack, len(2.0)))
print(pcall(table.unpack, len("0x1")))
print(pcall(table.unpack, 5))
print(pcall(table.unpack, true))
print(pcall(table.unpack, nil))
print(pcall(table.unpack, "ab"))
print(pcall(table.unpack, 5, 1, 0))
print(pcall(table.unpack, nil, 2, 1))
