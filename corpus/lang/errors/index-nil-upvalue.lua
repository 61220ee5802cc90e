-- Indexing a nil upvalue names the upvalue.
local cfg
local function get() return cfg.name end
local function set() cfg.name = 'x' end
print(pcall(get))
print(pcall(set))
