repeat
  local done = f()
until done
