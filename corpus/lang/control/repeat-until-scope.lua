-- Locals of a repeat body are visible in the until condition.
local i = 0
repeat
  i = i + 1
  local done = i >= 5
until done
print(i)
local count = 0
repeat count = count + 1 until true
print(count)
