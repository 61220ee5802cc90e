-- An uncaught error raised in a global function.
function explode(reason)
  error('exploded: ' .. reason)
end
print('before')
explode('global')
