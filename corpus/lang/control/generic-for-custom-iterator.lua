-- A generic for with an iterator function, state and control variable.
local function evens(max, cur)
  cur = cur + 2
  if cur <= max then return cur end
end
for v in evens, 10, 0 do print(v) end
local function chars(s)
  return function(str, i)
    i = i + 1
    if i <= #str then return i, str:sub(i, i) end
  end, s, 0
end
for i, c in chars('abc') do print(i, c) end
