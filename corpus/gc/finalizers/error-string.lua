-- An error in a finalizer run by collectgarbage propagates out of it as
-- "error in __gc metamethod (<message>)", with the position of the error in the message.
collectgarbage("stop")
local mt = {__gc = function(o) error("boom " .. o.id) end}
local function make() setmetatable({id = 7}, mt) end
make()
local ok, message = pcall(collectgarbage)
print(ok, message)
-- With a level of 0 the message has no position.
mt.__gc = function() error("no position", 0) end
make()
print(pcall(collectgarbage))
-- A runtime error, not raised by `error`.
mt.__gc = function(o) return o.missing.field end
make()
print(pcall(collectgarbage, "collect"))
-- The collection goes on normally afterwards.
print(pcall(collectgarbage))
