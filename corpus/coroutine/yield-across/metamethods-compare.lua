-- __eq, __lt and __le may yield; the resume value is converted to a boolean. In 5.3 a
-- missing __le falls back to "not (b < a)" through __lt, which may yield as well.
local function make(name, with_le)
  local mt = {
    __eq = function(a, b) return coroutine.yield(name .. " eq") end,
    __lt = function(a, b) return coroutine.yield(name .. " lt") end,
  }
  if with_le then mt.__le = function(a, b) return coroutine.yield(name .. " le") end end
  return mt
end
local mt1 = make("full", true)
local a, b = setmetatable({}, mt1), setmetatable({}, mt1)
local mt2 = make("nole", false)
local c, d = setmetatable({}, mt2), setmetatable({}, mt2)
local co = coroutine.wrap(function()
  local r = {}
  r[#r + 1] = a == b
  r[#r + 1] = a ~= b
  r[#r + 1] = a < b
  r[#r + 1] = a > b
  r[#r + 1] = a <= b
  r[#r + 1] = a >= b
  r[#r + 1] = c <= d
  r[#r + 1] = c >= d
  if a < b then r[#r + 1] = "then" else r[#r + 1] = "else" end
  for i = 1, #r do r[i] = tostring(r[i]) end
  return "results " .. table.concat(r, " ")
end)
local answers = {1, nil, "x", false, 0, nil, true, false, "yes"}
local out = co()
for i = 1, #answers + 1 do
  if out:find("^results") then break end
  print(out, tostring(answers[i]))
  out = co(answers[i])
end
print(out)
