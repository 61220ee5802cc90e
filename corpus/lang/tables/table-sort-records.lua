-- Sorting records by a field with a tie-breaker.
local people = {
  {name = 'ann', age = 30}, {name = 'bob', age = 25}, {name = 'cat', age = 30},
  {name = 'dan', age = 20}, {name = 'eve', age = 25},
}
table.sort(people, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  return a.name < b.name
end)
for i, p in ipairs(people) do print(i, p.name, p.age) end
