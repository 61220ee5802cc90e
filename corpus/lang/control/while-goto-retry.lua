-- A retry loop with goto and an attempt counter.
local attempts = 0
local function try() attempts = attempts + 1; return attempts >= 3 end
::retry::
if not try() then
  print('attempt failed', attempts)
  goto retry
end
print('succeeded after', attempts)
