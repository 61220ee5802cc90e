-- An error 40 calls deep: the traceback is shortened with '...'.
local function down(n)
  if n == 0 then error('bottom reached') end
  local r = down(n - 1)
  return r
end
down(40)
