-- load's mode is searched for the letters 't' and 'b' (strchr): a mode with neither refuses both kinds of chunk, and the message quotes the whole mode.
local text = "return 'text chunk'"
local binary = string.dump(function() return "binary chunk" end)
for _, mode in ipairs({"", "x", "tx", "xb", "T", "B", "text", "binary", "1"}) do
  local f, err = load(text, "=text", mode)
  local g, err2 = load(binary, "=binary", mode)
  print(string.format("%q", mode), f and f() or err, g and g() or err2)
end
local function show(f, err) print(type(f), err) end
show(load(text, "=text", 1))
show(load(binary, "=binary", 0))
local done = false
show(load(function() if not done then done = true return binary end end, "=r", "y"))
-- loadfile checks its mode the same way.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("return 'from file'")
f:close()
show(loadfile(name, "x"))
show(loadfile(name, ""))
show(loadfile(name, "tx"))
os.remove(name)
