for i = 1, 3 do
  goto next
  local v = i
  ::next::
  v = 0
end
