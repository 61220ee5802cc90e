-- Result subtypes of each operator for int/float operand pairs.
local ops = {
  {'+', function(a, b) return a + b end}, {'-', function(a, b) return a - b end},
  {'*', function(a, b) return a * b end}, {'/', function(a, b) return a / b end},
  {'%', function(a, b) return a % b end}, {'^', function(a, b) return a ^ b end},
  {'//', function(a, b) return a // b end},
}
for _, op in ipairs(ops) do
  local f = op[2]
  print(op[1], math.type(f(6, 4)), math.type(f(6.0, 4)), math.type(f(6, 4.0)), f(6, 4), f(6.0, 4))
end
