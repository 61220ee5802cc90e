-- Truncated and corrupted binary chunks: load must return nil and a message (only the shape is compared, not the text).
local function sample(a, ...)
  local t = {a, "string constant", 1.5, 42}
  local function inner(x) return x .. a end
  return inner(#t), ...
end
local chunks = {string.dump(sample), string.dump(sample, true), string.dump(load("return 1"))}
for c, d in ipairs(chunks) do
  local failures, shapes = 0, {}
  for len = 1, #d - 1 do
    local f, err = load(d:sub(1, len), "=truncated", "b")
    if f == nil and type(err) == "string" then
      failures = failures + 1
    else
      shapes[#shapes + 1] = len .. ":" .. type(f) .. "/" .. type(err)
    end
  end
  print(c, #d - 1 == failures, table.concat(shapes, " "))
  print(c, type(load(d, "=whole", "b")))
end
-- Corrupted header bytes: signature, version, format, data, sizes, integer and float checks.
local d = chunks[1]
local function corrupt(pos, byte)
  return d:sub(1, pos - 1) .. string.char(byte) .. d:sub(pos + 1)
end
for pos = 1, 33 do
  local f, err = load(corrupt(pos, (d:byte(pos) + 1) % 256), "=corrupt", "b")
  print(pos, f, type(err))
end
-- Through a reader function, a chunk cut after its header, and one made of the header only.
local i = 0
local function reader() i = i + 1 if i == 1 then return d:sub(1, 40) end end
local f, err = load(reader, "=reader", "b")
print(f, type(err))
f, err = load(d:sub(1, 33), "=header", "b")
print(f, type(err))
f, err = load("\27", "=esc", "b")
print(f, type(err))
