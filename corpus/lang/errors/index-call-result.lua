-- Indexing the nil result of a call has no name.
local function none() end
print(pcall(function() return none().x end))
print(pcall(function() return none()[1] end))
print(pcall(function() return (nil).x end))
