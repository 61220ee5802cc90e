-- With a local _ENV, missing names are still reported as globals.
local function f()
  local _ENV = {print = print}
  return missing_fn()
end
print(pcall(f))
local function g()
  local _ENV = {}
  return missing.field
end
print(pcall(g))
