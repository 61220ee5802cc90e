-- '#' counts bytes, including multibyte UTF-8 sequences.
local s = 'héllo wörld'
print(#s, s:len())
print(#'', #' ', #'日本語', #'\u{1F600}')
for _, c in ipairs({'é', 'ö', '日'}) do print(c, #c, c:byte(1, -1)) end
