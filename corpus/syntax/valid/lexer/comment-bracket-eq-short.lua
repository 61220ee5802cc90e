--[= this is a short comment
--[==x also short
x = 1
