x = 1
do
  local y = 2
