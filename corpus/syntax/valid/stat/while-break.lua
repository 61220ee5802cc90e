while true do
  if x then break end
end
