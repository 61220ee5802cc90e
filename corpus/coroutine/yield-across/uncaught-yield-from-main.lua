-- A yield from the main chunk that is not caught ends the chunk with "attempt to yield from
-- outside a coroutine" and the main thread's traceback.
local function produce(v)
  print("producing", v)
  coroutine.yield(v)
end
local co = coroutine.wrap(produce)
co("in a coroutine")
produce("in main")
