-- The iterator function of a generic for may yield: each resume value becomes the loop
-- variable; the loop ends when a resume passes nil.
local co = coroutine.wrap(function()
  local got = {}
  for k, v in function() return coroutine.yield("need next") end do
    got[#got + 1] = tostring(k) .. "=" .. tostring(v)
  end
  return table.concat(got, " ")
end)
print(co())
print(co("a", 1))
print(co("b", false))
print(co(nil, "ignored"))
-- a yield inside the loop body of an ipairs loop, and inside a pairs loop over sorted keys
local w = coroutine.wrap(function(t)
  for i, v in ipairs(t) do coroutine.yield(i, v) end
  local keys = {}
  for k in pairs({z = 1, a = 2, m = 3}) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do coroutine.yield(k) end
  return "end"
end)
print(w({"x", "y"}))
print(w())
for i = 1, 4 do print(w()) end
-- a stateful iterator that resumes another coroutine
local function chars(s)
  return coroutine.wrap(function() for i = 1, #s do coroutine.yield(i, s:sub(i, i)) end end)
end
local outer = coroutine.wrap(function()
  for i, ch in chars("abc") do coroutine.yield(ch:upper() .. i) end
end)
print(outer(), outer(), outer())
