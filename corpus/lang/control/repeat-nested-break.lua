-- break inside nested repeat loops only exits the inner one.
local i, log = 0, {}
repeat
  i = i + 1
  local j = 0
  repeat
    j = j + 1
    if j > i then break end
    log[#log + 1] = i .. j
  until j >= 3
until i >= 3
print(table.concat(log, ' '))
