-- Hook events "tail call" and returns from tail-called functions, an error raised by a hook, and hooks not firing inside a hook.
local events = {}
local function leaf(x) return x * 2 end
local function middle(x) return leaf(x + 1) end
local function top(x) local r = middle(x) return r end
debug.sethook(function(ev, line)
  local info = debug.getinfo(2, "nSt")
  events[#events + 1] = ev .. ":" .. tostring(line) .. ":" .. tostring(info.name) .. ":" .. tostring(info.istailcall)
end, "cr")
local v = top(1)
debug.sethook()
print(v)
for i, e in ipairs(events) do print(i, e) end
-- An error in a hook propagates to the code that triggered it.
local function fails() return 1 end
local function failing_hook(ev) debug.sethook() error("hook failed") end
print(pcall(function() debug.sethook(failing_hook, "c") return fails() end))
print(debug.gethook())
-- A line hook receives the line number; a hook is not called for its own lines.
local lines = {}
debug.sethook(function(ev, line) lines[#lines + 1] = line end, "l")
local a = 1
local b = a + 1
debug.sethook()
print(table.concat(lines, " "))
