-- An inconsistent comparator may leave a mess or fail, exactly as PUC's quicksort does.
local function try(t, f)
  local ok, err = pcall(table.sort, t, f)
  print(ok, err, table.concat(t, ","))
end
try({3, 2, 1}, function() return true end)
try({5, 4, 3, 2, 1, 0}, function() return true end)
try({1, 2, 3, 4, 5, 6, 7}, function(a, b) return a <= b end)
try({4, 4, 4, 4}, function(a, b) return a <= b end)
try({1, 2, 3, 4, 5}, function() return false end)
try({9, 8, 7, 6, 5, 4, 3, 2, 1}, function(a, b) return a ~= b end)
