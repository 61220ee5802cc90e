-- Labels are local to a function; each closure has its own.
local function make(limit)
  return function()
    local i = 0
    ::loop::
    i = i + 1
    if i < limit then goto loop end
    return i
  end
end
print(make(3)(), make(7)())
