-- utf8.charpattern matches one UTF-8 sequence, and works with string.gmatch.
print(utf8.charpattern == "[\0-\x7F\xC2-\xF4][\x80-\xBF]*", #utf8.charpattern)
local chars = {}
for c in string.gmatch("añ€😀z", utf8.charpattern) do chars[#chars + 1] = #c end
print(table.concat(chars, " "))
