-- Standard names exist in _G (checked by name, not by iteration).
local names = {'assert', 'error', 'getmetatable', 'ipairs', 'load', 'next', 'pairs', 'pcall',
  'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'select', 'setmetatable', 'tonumber',
  'tostring', 'type', 'xpcall', '_G', '_VERSION', 'string', 'table', 'math'}
for _, n in ipairs(names) do print(n, type(_G[n])) end
