-- require loading Lua files found on package.path: loader arguments, syntax and run-time errors in a module, and C modules that cannot load.
local base = os.tmpname()
local created = {}
local function write(suffix, text)
  local f = assert(io.open(base .. suffix, "w"))
  f:write(text)
  f:close()
  created[#created + 1] = base .. suffix
end
-- Messages name the temporary files; print them with the random part replaced.
local function show(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = tostring((select(i, ...)))
    local s, e = v:find(base, 1, true)
    while s do
      v = v:sub(1, s - 1) .. "TMP" .. v:sub(e + 1)
      s, e = v:find(base, 1, true)
    end
    out[i] = v
  end
  print(table.concat(out, "\t"))
end
package.path = base .. "-?.lua;" .. base .. "-?/init.lua"
package.cpath = base .. "-?.so"
write("-good.lua", "local name, file = ...\nreturn {name = name, file = file, n = select('#', ...)}")
local m = require("good")
show(m.name, m.file, m.n, require("good") == m)
write("-nothing.lua", "x_loaded_by_nothing = true")
show(require("nothing"), x_loaded_by_nothing, package.loaded.nothing)
write("-bad.lua", "return {")
show(pcall(require, "bad"))
write("-bad2.lua", "\n\nlocal = 1")
show(pcall(require, "bad2"))
write("-err.lua", "local t = nil\nreturn t.x")
show(pcall(require, "err"))
show(package.loaded.err, package.loaded.bad)
write("-shebang.lua", "#!/usr/bin/lua\nreturn 'skipped first line'")
show(require("shebang"))
write("-binary.lua", string.dump(function(...) return "binary module", ... end))
show(require("binary"))
-- Files found on package.cpath are C libraries; this one is not, so loading it fails.
write("-fakec.so", "not a shared library")
local ok, msg = pcall(require, "fakec")
show(ok, msg:match("^[^\n]*"))
ok, msg = pcall(require, "fakec.sub")
show(ok, msg:match("^[^\n]*"))
-- The Lua searcher is tried before the C searchers.
write("-both.lua", "return 'lua wins'")
write("-both.so", "")
show(require("both"))
for _, name in ipairs(created) do os.remove(name) end
os.remove(base)
