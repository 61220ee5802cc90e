--[[ level 0 ]]
--[=[ level 1 ]] ]=]
--[==[
level 2
]==]
x = 1
