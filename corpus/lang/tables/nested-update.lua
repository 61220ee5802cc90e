-- Building a nested structure incrementally.
local grid = {}
for y = 1, 4 do
  grid[y] = {}
  for x = 1, 4 do grid[y][x] = (y - 1) * 4 + x end
end
grid[2][3] = grid[3][2] + grid[4][4]
for y = 1, 4 do print(table.concat(grid[y], ' ')) end
