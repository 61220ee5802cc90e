-- Argument errors of find and match: subject and pattern strings, an integer init.
for _, name in ipairs({"find", "match"}) do
  local f = string[name]
  print(name, pcall(f))
  print(name, pcall(f, "abc"))
  print(name, pcall(f, "abc", nil))
  print(name, pcall(f, "abc", {}))
  print(name, pcall(f, {}, "a"))
  print(name, pcall(f, nil, "a"))
  print(name, pcall(f, "abc", "b", "x"))
  print(name, pcall(f, "abc", "b", 1.5))
  print(name, pcall(f, "abc", "b", {}))
  print(name, f("abc", "b", "2"), f("abc", "b", 2.0), f(123, 2))
end
print(pcall(function() return ("abc"):match() end))
print(pcall(function() return ("abc"):match("b", "?") end))
