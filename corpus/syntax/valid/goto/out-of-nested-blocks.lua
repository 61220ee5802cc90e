do
  do
    while true do goto out end
  end
end
::out::
