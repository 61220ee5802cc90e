-- '#' counts bytes, not characters.
print(#'é', #'日本', #'\u{7FF}', #'\u{800}', #'\u{FFFF}', #'\u{10000}')
print(#'\0', #'\0\0\0', #'a\0', #('\255'):rep(10))
local s = 'naïve'
print(#s, s:byte(3), s:byte(4))
