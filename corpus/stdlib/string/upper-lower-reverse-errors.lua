-- upper, lower and reverse take a string (or a number) as their only argument.
for _, name in ipairs({"upper", "lower", "reverse"}) do
  local f = string[name]
  print(name, pcall(f))
  print(name, pcall(f, nil))
  print(name, pcall(f, {}))
  print(name, pcall(f, true))
  print(name, pcall(f, print))
  print(name, f(12), f(1.5))
end
print(pcall(function() return ("x").lower() end))
print(pcall(function() local t = {lower = string.lower} return t:lower() end))
