-- An uncaught runtime error inside a function stored in a table field.
local lib = {}
lib.helpers = {}
function lib.helpers.compute(t)
  return t.value * 2
end
print(lib.helpers.compute({value = 4}))
lib.helpers.compute({})
