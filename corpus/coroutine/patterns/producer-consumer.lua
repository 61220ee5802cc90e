-- The producer/consumer pattern: the consumer drives, resuming the producer whenever it
-- needs a value; the producer yields each value it makes.
local function producer(items)
  return coroutine.create(function()
    for _, item in ipairs(items) do
      print("produce", item)
      coroutine.yield(item)
    end
    print("producer exhausted")
  end)
end
local function receive(prod)
  local ok, value = coroutine.resume(prod)
  return value
end
local function consumer(prod)
  local total = 0
  while true do
    local v = receive(prod)
    if v == nil then break end
    print("consume", v)
    total = total + v
  end
  return total
end
print("total", consumer(producer({3, 1, 4, 1, 5})))
-- the producer drives instead: the consumer is a coroutine that is sent values
local sink = coroutine.create(function(first)
  local got = {first}
  while true do
    local v = coroutine.yield(#got)
    if v == nil then return table.concat(got, "|") end
    got[#got + 1] = v
  end
end)
for _, w in ipairs({"a", "b", "c"}) do print("sent", w, coroutine.resume(sink, w)) end
print(coroutine.resume(sink, nil))
