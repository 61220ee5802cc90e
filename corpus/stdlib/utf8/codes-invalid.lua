-- utf8.codes raises an error when it meets an invalid sequence.
local function collect(s)
  local out = {}
  local ok, err = pcall(function() for p, c in utf8.codes(s) do out[#out + 1] = p .. ":" .. c end end)
  print(ok, err, table.concat(out, " "))
end
collect("ab\xFFc")
collect("a\xE4\xB8\xAD\x80")
collect("\x80")
collect("ok\u{E9}")
print(pcall(utf8.codes, nil))
print(pcall(utf8.codes, {}))
