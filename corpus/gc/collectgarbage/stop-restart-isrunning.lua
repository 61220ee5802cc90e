-- "stop" and "restart" return 0 and switch what "isrunning" reports; stopping twice or
-- restarting a running collector changes nothing, and a full collection still works while the
-- collector is stopped.
print(collectgarbage("isrunning"))
print(collectgarbage("stop"), collectgarbage("isrunning"))
print(collectgarbage("stop"), collectgarbage("isrunning"))
local weak = setmetatable({}, {__mode = "v"})
weak[1] = {}
print(collectgarbage(), weak[1], collectgarbage("isrunning"))
print(collectgarbage("restart"), collectgarbage("isrunning"))
print(collectgarbage("restart"), collectgarbage("isrunning"))
print(math.type(collectgarbage("stop")), type(collectgarbage("isrunning")))
collectgarbage("restart")
