-- Forward goto skipping statements in the same block.
do
  print('one')
  goto skip
  print('never printed')
  ::skip::
  print('two')
end
local function f(x)
  if x then goto yes end
  do return 'no' end
  ::yes::
  return 'yes'
end
print(f(true), f(false))
