-- Strings with embedded newlines and carriage returns printed raw.
print('a\nb\n\nc')
print('x\r\ny' == 'x' .. '\r' .. '\n' .. 'y', #'x\r\ny')
print([[
multi
line]])
