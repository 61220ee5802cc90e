-- Near the stack limit, pushing 32 captures fails with "stack overflow (too many captures)"; each try runs in a fresh coroutine.
local s = ("a"):rep(40)
local p = ("(a)"):rep(32)
local big = {}
for i = 1, 1000000 do big[i] = true end
local function f(...) return select("#", string.match(s, p)) end
local function try(n)
  local co = coroutine.create(function() return f(table.unpack(big, 1, n)) end)
  return coroutine.resume(co)
end
print(try(10))
local last, seen = nil, {}
for n = 999930, 999995 do
  local ok, r = try(n)
  local key = tostring(ok) .. " " .. tostring(r)
  if key ~= last then seen[#seen + 1] = n .. ": " .. key last = key end
end
print(table.concat(seen, "\n"))
