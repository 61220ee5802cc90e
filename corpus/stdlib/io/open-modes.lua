-- io.open: its argument checks, every accepted and refused mode, and the result for a missing file.
local name = os.tmpname()
local modes = {"r", "w", "a", "r+", "w+", "a+", "rb", "wb", "ab", "r+b", "w+b", "a+b", "rbb",
  "", "x", "rw", "+r", "r+b+", "br", "r b", "rt", "w+t", "R", "a++"}
for _, mode in ipairs(modes) do
  local ok, f, err = pcall(io.open, name, mode)
  if ok and f then
    print(string.format("%q", mode), io.type(f))
    f:close()
  else
    print(string.format("%q", mode), ok, f, err)
  end
end
print(pcall(io.open))
print(pcall(io.open, {}))
print(pcall(io.open, name, {}))
print(pcall(io.open, name, 1))
-- nil as the mode means "r"; a numeric mode is converted to a string and refused.
local f = io.open(name, nil)
print(io.type(f), f:close())
print(io.open("/nonexistent-dir/ferrolua-file"))
print(io.open("/nonexistent-dir/ferrolua-file", "w"))
print(select("#", io.open("/nonexistent-dir/ferrolua-file")))
-- Opening a directory for writing fails with EISDIR.
print(io.open("/", "w"))
os.remove(name)
