-- An uncaught error after tail calls: the traceback shows the marker.
local function final(n) error('final reached with ' .. n) end
local function middle(n) return final(n + 1) end
local function first(n) return middle(n + 1) end
first(1)
