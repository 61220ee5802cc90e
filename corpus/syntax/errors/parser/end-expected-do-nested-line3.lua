x = 1

do
  do
  end
