-- Error messages can contain newlines and are kept as is.
print(pcall(error, 'line1\nline2'))
print(pcall(function() error('multi\nline') end))
