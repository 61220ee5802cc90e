-- string.format with a float that has no integer representation, from a method call.
local report = {}
function report.line(name, count)
  return ("%-10s %5d"):format(name, count)
end
print(report.line("apples", 3))
print(report.line("pears", 2.5))
