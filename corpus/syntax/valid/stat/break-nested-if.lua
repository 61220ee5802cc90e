while 1 do
  if a then
    if b then break end
  end
end
