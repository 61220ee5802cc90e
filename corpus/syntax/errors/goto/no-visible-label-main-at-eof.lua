x = 1
goto done
y = 2



z = 3
