---[[ short comment
x = 1
--]]
