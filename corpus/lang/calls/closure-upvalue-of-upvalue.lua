-- Upvalues captured through several levels of nesting.
local function level1()
  local x = 1
  return function()
    local y = 10
    return function()
      x = x + 1
      y = y + 1
      return x + y
    end
  end
end
local l2 = level1()
local a, b = l2(), l2()
print(a(), a(), b(), a())
