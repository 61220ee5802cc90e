-- An uncaught concatenation error in a field function.
local fmt = {}
function fmt.line(label, value) return label .. ': ' .. value end
print(fmt.line('a', 1))
print(fmt.line('b', nil))
