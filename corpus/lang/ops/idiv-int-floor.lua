-- Integer floor division rounds toward minus infinity.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(6 // 3, -6 // 3, 0 // 5, 1 // 10, -1 // 10)
print(math.type(7 // 2))
for _, p in ipairs({{9, 4}, {-9, 4}, {9, -4}, {-9, -4}, {3, 7}, {-3, 7}}) do
  print(p[1], p[2], p[1] // p[2])
end
