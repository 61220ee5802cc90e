-- Level 0 adds no position to the message.
print(pcall(function() error('plain', 0) end))
print(pcall(function() error('plain') end))
print(pcall(error, 'direct'))
