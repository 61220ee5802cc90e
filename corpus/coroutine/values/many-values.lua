-- Hundreds of values go through yield and resume in both directions.
local N = 250
local big = {}
for i = 1, N do big[i] = i * 2 end
local co = coroutine.create(function(...)
  print("received", select('#', ...), (select(N, ...)))
  local back = table.pack(coroutine.yield(table.unpack(big)))
  local sum = 0
  for i = 1, back.n do sum = sum + back[i] end
  print("got back", back.n, sum)
  return table.unpack(back, 1, back.n)
end)
local r = table.pack(coroutine.resume(co, table.unpack(big)))
print(r.n, r[1], r[2], r[r.n])
local rev = {}
for i = 1, N do rev[i] = N - i + 1 end
local r2 = table.pack(coroutine.resume(co, table.unpack(rev)))
print(r2.n, r2[1], r2[2], r2[r2.n])
print(coroutine.status(co))
