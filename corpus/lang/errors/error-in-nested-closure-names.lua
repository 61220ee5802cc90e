-- Variable names reported from nested closures.
local outer_table = {}
local function level1()
  local local_nil
  return function()
    return function()
      return outer_table.x + local_nil
    end
  end
end
print(pcall(level1()()))
