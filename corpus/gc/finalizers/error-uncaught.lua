-- An error in a finalizer that nobody catches ends the chunk with the message
-- "error in __gc metamethod (...)".
collectgarbage("stop")
local function make() setmetatable({}, {__gc = function() error("finalizer failed") end}) end
make()
print("collecting")
collectgarbage()
print("not reached")
