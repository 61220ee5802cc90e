-- loadfile and dofile on temporary files: results, chunk names, env, modes, '#' lines, a BOM, binary files, missing files, and argument errors.
local name = os.tmpname()
local function write(text)
  local f = assert(io.open(name, "wb"))
  f:write(text)
  f:close()
end
-- Messages name the temporary file; print them with its random part replaced.
local function show(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = tostring((select(i, ...)))
    local s, e = v:find(name, 1, true)
    while s do
      v = v:sub(1, s - 1) .. "TMP" .. v:sub(e + 1)
      s, e = v:find(name, 1, true)
    end
    out[i] = v
  end
  print(table.concat(out, "\t"))
end
write("return 1, ..., select('#', ...)")
show(loadfile(name)(7, 8))
show(dofile(name))
show(select("#", dofile(name)))
write("local x = nil\nreturn x.field")
show(pcall(dofile, name))
show(pcall(loadfile(name)))
show(debug.getinfo(loadfile(name), "S").source == "@" .. name)
write("return +")
show(loadfile(name))
show(pcall(dofile, name))
-- A first line starting with '#' is skipped, keeping line numbers.
write("#!/usr/bin/env lua\nerror('second line')")
show(pcall(dofile, name))
write("# only a comment")
show(select("#", dofile(name)))
-- A UTF-8 byte order mark is skipped, also before a '#' line.
write("\239\187\191return 'after BOM'")
show(dofile(name))
write("\239\187\191#comment\nreturn 'after BOM and #'")
show(dofile(name))
write("\239\187return 'partial BOM'")
show(loadfile(name))
-- env is the fourth argument of load but the third of loadfile.
write("return y")
show(loadfile(name, "t", {y = "env y"})())
show(loadfile(name, "bt")(), loadfile(name, nil)())
show(pcall(loadfile(name, "t", nil)))
y = "global y"
show(loadfile(name)())
-- Modes.
show(loadfile(name, "b"))
write(string.dump(function(...) return "dumped", ... end))
show(loadfile(name)(1))
show(loadfile(name, "b")(2))
show(loadfile(name, "t"))
show(dofile(name))
-- A '#' line before a binary chunk is skipped too.
write("#!lua\n" .. string.dump(function() return "binary after #" end))
show(dofile(name))
-- An empty file is an empty chunk.
write("")
show(select("#", dofile(name)), type(loadfile(name)))
os.remove(name)
-- Missing files.
show(loadfile("/nonexistent-dir/file.lua"))
show(pcall(dofile, "/nonexistent-dir/file.lua"))
show(loadfile("/nonexistent-dir/file.lua", "b"))
-- Argument errors.
show(pcall(loadfile, {}))
show(pcall(loadfile, name, {}))
show(pcall(dofile, {}))
show(pcall(dofile, true))
show(pcall(function() return loadfile(1, 2) end))
show(pcall(function() return dofile({}) end))
