-- Each conversion checks its own argument: integers for %c %d %i %o %u %x %X, numbers for %a %A %e %E %f %g %G.
local f = string.format
for _, spec in ipairs({"%c", "%d", "%i", "%o", "%u", "%x", "%X", "%a", "%A", "%e", "%E", "%f", "%g", "%G"}) do
  print(spec, pcall(f, spec, "x"))
  print(spec, pcall(f, spec, {}))
  print(spec, pcall(f, spec, nil))
  print(spec, pcall(f, spec, 1.5))
  print(spec, pcall(f, spec, "1e1"))
end
print(pcall(f, "%5.1a", true))
print(pcall(f, "%s %d %s", 1, "2.5", 3))
print(pcall(f, "%s", setmetatable({}, {__tostring = function() return {} end})))
print(pcall(f, "%10s", setmetatable({}, {__tostring = function() return 42 end})))
print(pcall(f, "%q", print))
print(pcall(f, "%q", coroutine.create(print)))
print(pcall(f, "%5q", "x"))
print(pcall(f, "%-#0 +5d", 1))
print(pcall(f, "%-#0 +-5d", 1))
print(pcall(f, "%5.5.5d", 1))
print(pcall(f, "%123d", 1))
