--[[
  several
  lines
]]
x = 1
