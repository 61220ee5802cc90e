-- Raw access functions check their arguments.
print(pcall(function() rawset(1, 2, 3) end))
print(pcall(function() rawget('str', 1) end))
print(pcall(function() rawequal(1) end))
print(pcall(function() rawlen(1) end))
