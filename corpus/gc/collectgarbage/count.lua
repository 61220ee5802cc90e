-- "count" returns one float, the memory in use in kilobytes. Only comparisons are printed:
-- it is positive, grows while a large structure is built and drops once the structure is
-- garbage and collected.
collectgarbage("stop")
collectgarbage()
local results = table.pack(collectgarbage("count"))
print(results.n, math.type(results[1]), results[1] > 0)
local before = collectgarbage("count")
local big = {}
for i = 1, 20000 do big[i] = {i, tostring(i)} end
local during = collectgarbage("count")
print("grew", during > before, during - before > 100)
big = nil
collectgarbage()
local after = collectgarbage("count")
print("dropped", after < during, during - after > 100)
print("count ignores its argument", math.type(collectgarbage("count", 5)))
collectgarbage("restart")
