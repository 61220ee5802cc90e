-- ipairs uses __index for missing elements in 5.3.
local proxy = setmetatable({}, {__index = function(_, i)
  if i <= 4 then return i * 10 end
end})
for i, v in ipairs(proxy) do print(i, v) end
local partial = setmetatable({1, 2}, {__index = {nil, nil, 3}})
for i, v in ipairs(partial) do print(i, v) end
