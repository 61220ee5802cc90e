-- The line of an error in a multi-line expression is the operator's line.
local a, b = 1, nil
print(pcall(function()
  return a +
    b
end))
print(pcall(function()
  local t = {
    x = 1,
    y = a .. b,
  }
end))
