-- Calling a nil upvalue names the upvalue.
local handler
local function run() return handler('event') end
print(pcall(run))
handler = function(e) return 'handled ' .. e end
print(pcall(run))
